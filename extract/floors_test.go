package extract

// sampleFloors are the figures the bundled sample must keep (the issues'
// targets, raised as the extractors improve).
const sampleFloors = "conflict>=1.0"
