package extract

// sampleFloors are the figures the bundled sample must keep (the issues'
// targets, raised as the extractors improve).
const sampleFloors = "conflict>=1.0,events_f1>=0.9,dates>=0.9,sides>=0.9,counts>=0.85,places>=0.9,claims>=0.8"
