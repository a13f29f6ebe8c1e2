package annalist

// Schema names the document version written by annalist extract.
const Schema = "annalist/document/v1"

// Document is everything annalist extracts from one article.
type Document struct {
	Schema   string     `json:"schema"`
	Article  ArticleRef `json:"article"`
	Conflict *Conflict  `json:"conflict"`
	Events   []Event    `json:"events"`
	Claims   []Claim    `json:"claims"`
	Warnings []Warning  `json:"warnings,omitempty"`
}

// ArticleRef identifies the article a Document was read from.
type ArticleRef struct {
	Title  string `json:"title"`
	Source string `json:"source"`
	Format string `json:"format"`
	SHA256 string `json:"sha256"`
}

// Count is a number of people or things with its uncertainty, as UCDP GED
// gives it: Low and High bound the range the text states (equal for one
// number), Best is a single best estimate where the text gives one. A nil
// bound is one the text leaves open ("665+" has no High; "several" has
// neither).
type Count struct {
	Low    *int   `json:"low"`
	Best   *int   `json:"best"`
	High   *int   `json:"high"`
	Approx bool   `json:"approx,omitempty"`
	Text   string `json:"text,omitempty"`
	// Span is where Text stands in the source file, when known.
	Span *Span `json:"span,omitempty"`
}

// Exact returns the Count of exactly n.
func Exact(n int) Count { return Count{Low: &n, High: &n} }

// Range returns the Count from lo to hi.
func Range(lo, hi int) Count { return Count{Low: &lo, High: &hi} }

// AtLeast returns the Count of n or more.
func AtLeast(n int) Count { return Count{Low: &n} }

// IsEmpty reports whether the count gives no number at all.
func (c Count) IsEmpty() bool { return c.Low == nil && c.High == nil && c.Best == nil }

// Figure is a Count plus what it counts, in an infobox's strength or
// casualties line.
type Figure struct {
	// What is "personnel" for people, otherwise the thing counted as
	// written ("tanks", "aircraft", "MiG-27").
	What string `json:"what"`
	// Status is what befell them ("killed", "wounded or sick", "shot
	// down"), or "" (null) for a plain strength.
	Status      *string `json:"status"`
	AccordingTo *string `json:"according_to"`
	Label       *string `json:"label"`
	Count
	// Belligerent is the belligerent a part of a side's total is credited
	// to, where the figures read as a total followed by its parts
	// ("sum_of_parts" marks them).
	Belligerent string `json:"belligerent,omitempty"`
	SumOfParts  bool   `json:"sum_of_parts,omitempty"`
	// Date is a date header the figure stands under ("15 June 2020:").
	Date *Date `json:"date,omitempty"`
}

// Conflict is the typed record of an article's conflict infobox.
type Conflict struct {
	Name        string   `json:"name"`
	PartOf      []string `json:"part_of"`
	Start       Date     `json:"start"`
	End         Date     `json:"end"`
	Approximate bool     `json:"approximate,omitempty"` // c./circa
	// DateUncertain marks a date given as alternatives ("August or
	// September 480 BC"): the conflict fell within Start–End, not across
	// it.
	DateUncertain bool     `json:"date_uncertain,omitempty"`
	Ongoing       bool     `json:"ongoing,omitempty"` // "– present"
	DateText      string   `json:"date_text,omitempty"`
	Places        []string `json:"places"`
	// PlacePoints are the Places resolved to coordinates, in order; an
	// unresolved place has nil coordinates.
	PlacePoints []Place `json:"place_points,omitempty"`
	Coordinates *LatLon `json:"coordinates,omitempty"`
	Result      *string `json:"result"`
	Territory   *string `json:"territory"`
	Status      *string `json:"status,omitempty"`
	Sides       []Side  `json:"sides"`
	// Joint is the row one past the last side (civilians, both sides).
	Joint       *Side    `json:"joint,omitempty"`
	PolStrength []Figure `json:"polstrength,omitempty"`
	MilStrength []Figure `json:"milstrength,omitempty"`
	Notes       *string  `json:"notes,omitempty"`
	// Other holds the infobox fields whose keys the reader does not know
	// (neither read into the fields above nor a display parameter such as
	// image_size), by key as written, values as written; a repeated key's
	// values are joined with "; ". Each such key is also named in a warning
	// (and, in the plain-text rendering, each display key, which is skipped).
	Other map[string]string `json:"other,omitempty"`
}

// Side is one column of the infobox: combatantN and its commanders, units,
// strength and casualties.
type Side struct {
	Belligerents []string `json:"belligerents"`
	// BelligerentsNote says where names came from when the infobox line
	// had lost them and they were recovered from the article's text.
	BelligerentsNote string `json:"belligerents_note,omitempty"`
	// Supporters are the states the combatant line names after a support
	// qualifier ("Supported by: South Yemen"): on the side without being
	// its belligerents. The prose may still show one fighting, which makes
	// it a party of that clash.
	Supporters []string    `json:"supporters,omitempty"`
	Commanders []Commander `json:"commanders"`
	Units      []string    `json:"units"`
	Strength   []Figure    `json:"strength"`
	Casualties []Figure    `json:"casualties"`
	// FiguresPartial is set when a line was too garbled to read every number.
	FiguresPartial bool `json:"figures_partial,omitempty"`
	// Actors identify Belligerents, one for one (same length and order):
	// the state each name meant at the conflict's start, with its codes,
	// or null where the state table does not know the name.
	Actors []*Actor `json:"actors,omitempty"`
}

// Actor is the state a belligerent's name stands for at a date, with the
// codes other datasets join on. The name the article gives stays in the
// belligerent list; Name is the state's own name at that date (an article
// may say "Russia" of the Soviet Union). A state the published lists lack
// (before 1816, or never recognised, such as Manchukuo) has no GWNo or
// COWCode but may have a Wikidata id.
type Actor struct {
	Name string `json:"name"`
	// GWNo is the Gleditsch–Ward state number (UCDP's gwno), COWCode the
	// Correlates of War ccode; nil where the state has none.
	GWNo    *int `json:"gwno"`
	COWCode *int `json:"cown"`
	// ISO3 is the ISO 3166-1 alpha-3 code where one exists (3166-3 for a
	// withdrawn one, SUN for the Soviet Union); Wikidata is the item id
	// ("Q15180").
	ISO3     string `json:"iso3,omitempty"`
	Wikidata string `json:"wikidata,omitempty"`
	// From and To are the period the state held this name; To is null
	// while it still does.
	From Date `json:"from"`
	To   Date `json:"to"`
}

// Commander is one person in a commanderN line.
type Commander struct {
	Name string  `json:"name"`
	Fate *string `json:"fate"` // "killed in action", "captured", "executed", "wounded in action", …, or null
}

// Place is a place mentioned in the text, resolved to coordinates when the
// gazetteer knows it. Lat and Lon are null when nothing resolved: never a
// guess.
type Place struct {
	Text      string   `json:"text"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	WherePrec int      `json:"where_prec,omitempty"` // UCDP GED where_prec 1–7
	// Country is the present-day country the point lies in (ISO 3166-1
	// alpha-2), as UCDP GED gives today's country; Adm1 its first-order
	// division's name, where known.
	Country string `json:"country,omitempty"`
	Adm1    string `json:"adm_1,omitempty"`
	// HeldBy is the state that held the place at the event's date, where
	// the belligerents and the state table tell it (Manchukuo for a town
	// in today's China in 1936).
	HeldBy string `json:"held_by,omitempty"`
	// Gazetteer names the entry the coordinates came from and its source.
	Gazetteer *GazetteerRef `json:"gazetteer,omitempty"`
	Span      *Span         `json:"span,omitempty"`
}

// GazetteerRef traces coordinates to the gazetteer entry they came from.
type GazetteerRef struct {
	ID     string `json:"id"`     // e.g. "geonames:2037013" or "annalist:lake-khanka"
	Name   string `json:"name"`   // the entry's primary name
	Source string `json:"source"` // where the entry's facts come from
}

// Event is one armed clash found in the prose.
type Event struct {
	ID        string  `json:"id"`
	Name      *string `json:"name"`
	DateStart Date    `json:"date_start"`
	DateEnd   Date    `json:"date_end"`
	DatePrec  int     `json:"date_prec"`
	// DateSpans are where the dates the event was read from stand in the
	// source file, when known (the explorer highlights them).
	DateSpans []Span `json:"date_spans,omitempty"`
	// DateUncertain marks disjunctions and "around" ("January or February").
	DateUncertain  bool     `json:"date_uncertain,omitempty"`
	Place          *Place   `json:"place"`
	SideA          []string `json:"side_a"`
	SideB          []string `json:"side_b"`
	DeathsA        *Count   `json:"deaths_a"`
	DeathsB        *Count   `json:"deaths_b"`
	WoundedA       *Count   `json:"wounded_a"`
	WoundedB       *Count   `json:"wounded_b"`
	CapturedA      *Count   `json:"captured_a"`
	CapturedB      *Count   `json:"captured_b"`
	MissingA       *Count   `json:"missing_a"`
	MissingB       *Count   `json:"missing_b"`
	DeathsUnknown  *Count   `json:"deaths_unknown"`
	WoundedUnknown *Count   `json:"wounded_unknown"`
	// CapturedUnknown and MissingUnknown are people taken prisoner or gone
	// missing whom the text credits to neither side, like DeathsUnknown.
	CapturedUnknown *Count `json:"captured_unknown"`
	MissingUnknown  *Count `json:"missing_unknown"`
	// DeathsCivilians are civilians killed, read apart from the soldiers
	// of either side ("the shelling killed 12 villagers"), as UCDP GED's
	// deaths_civilians; null when the text gives no such number.
	DeathsCivilians *Count `json:"deaths_civilians,omitempty"`
	// ActorsA and ActorsB identify SideA and SideB one for one (null
	// where unknown), at the event's date.
	ActorsA     []*Actor   `json:"actors_a,omitempty"`
	ActorsB     []*Actor   `json:"actors_b,omitempty"`
	ForcesA     []Force    `json:"forces_a,omitempty"`
	ForcesB     []Force    `json:"forces_b,omitempty"`
	Materiel    []Materiel `json:"materiel"`
	AccordingTo *string    `json:"according_to"`
	Evidence    []Evidence `json:"evidence"`
}

// Force is a stated strength in an event ("a force of 50 Soviet soldiers").
type Force struct {
	What string `json:"what"` // "personnel" or the thing ("tankettes")
	Count
}

// Materiel is equipment lost in an event.
type Materiel struct {
	Side   string  `json:"side"` // "a", "b" or "" when not credited
	What   string  `json:"what"`
	Status *string `json:"status"`
	Count
}

// Evidence is a sentence an event or claim was read from: Start and End
// are byte offsets into the source file, Text is exactly those bytes.
type Evidence struct {
	Section string `json:"section,omitempty"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
}

// Claim is a figure the text credits to a party rather than to one clash
// ("according to the Imperial Japanese Army, 152 border disputes occurred").
type Claim struct {
	Quantity    Count      `json:"quantity"`
	What        string     `json:"what"`
	PeriodStart Date       `json:"period_start"`
	PeriodEnd   Date       `json:"period_end"`
	AccordingTo *string    `json:"according_to"`
	Evidence    []Evidence `json:"evidence"`
}

// Ptr returns a pointer to v, for the optional fields of the document.
func Ptr[T any](v T) *T { return &v }
