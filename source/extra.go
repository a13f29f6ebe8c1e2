package source

// extraFormats lists the formats beyond the plain-text rendering, tried
// before it. Readers of wikitext and dumps add themselves here.
func extraFormats() []Format {
	return wikiFormats()
}
