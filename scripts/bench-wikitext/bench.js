// Times wtf_wikipedia on the benchmark pages: parse each page and
// extract its infoboxes as JSON. Prints pages/s (one thread).
const fs = require('fs')
const wtf = require('wtf_wikipedia')

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean)
const pages = lines.map(l => JSON.parse(l).text)
const minMs = Number(process.argv[3] || 3000)

// CPU time, not wall time: the machine may be shared.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
let n = 0, boxes = 0
const start = cpu()
do {
  for (const text of pages) {
    const doc = wtf(text)
    for (const box of doc.infoboxes()) {
      boxes += Object.keys(box.json()).length > 0 ? 1 : 0
    }
    n++
  }
} while (cpu() - start < minMs)
const secs = (cpu() - start) / 1000
console.log(`wtf_wikipedia ${wtf.version}: ${pages.length} pages, ${(n / secs).toFixed(0)} pages per CPU-second (parse + infoboxes)`)
