package event

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/plaintext"
)

// fixture is a made-up war between two states the actor table has never
// heard of, Zembria (helped by Velmia) and Ostra, written the way the
// corpus writes: infobox, sections with year headings, paragraphs,
// bullets.
const fixture = `= Zembrian–Ostran border war =

Infobox
- Conflict: Zembrian–Ostran border war
- Date: 3 May 1921 – 9 June 1925
- Combatant1: Zembria, Velmia
- Combatant2: Ostra

The Zembrian–Ostran border war was a series of clashes fought between Zembria and Ostra from 1921 to 1925, ending in the battles of the Dolno Valley.

==Background==
The Great Northern War of 1880 to 1884 had left the border unmarked. Between 1915 and 1920, according to the Ostran Army, 152 border disputes occurred. The Zembrians blamed the Ostrans for 15 cases of border violation, 6 air intrusions, and 20 episodes of "cattle theft" in 1919 alone. In 1920 the two states signed a treaty on the border, and Zembria shipped 40 rifles to Velmia.

==Minor clashes==
===1921 incidents===
On 3 May 1921, a Zembrian patrol of 30 men clashed with Ostran border guards about 12 kilometers west of Lake Mirn, inside Ostra territory. In the ensuing firefight, two Zembrian and four Velmian soldiers were killed, and another 5 were wounded. The Zembrian foreign ministry lodged a protest with the Ostran consul at Karvo. Five days later, 60 Ostran troops attacked the Zembrians and were repulsed, at the cost of 7 Ostran dead. The same day, at Dolno, Zembrian cavalry attempted to drive out Ostran forces, but all attempts failed.

In December, an Ostran detachment raided a Zembrian outpost near Karvo, reportedly capturing 10 soldiers. More attacks on the outposts occurred in January, with the Ostrans using aircraft. Aside from the 10 prisoners taken, Zembrian losses are unknown.

===1922 incidents===
In March 1922, Colonel Arvid Tesk was ordered to clear the Pelm region. On March 12, Tesk's men drove the Ostrans south, at the cost of eight men killed, four men wounded, and one armored car destroyed. The Ostrans suffered no casualties.

In June 1922, the (ja) occurred. The Sarn incident of June 1922 began when 100 Ostran troops stormed the disputed village of Sarn. The result was an Ostran rout, with 56 soldiers being killed. Zembrian losses amounted to 27 killed and nine wounded, including two Velmian advisors.

====Karvo Island incident====
In August 1922, the (ja) occurred on the Velm River. Ostran gunboats landed troops on the island and were shelled by Zembrian guns. 37 Ostran soldiers were killed; the Zembrian forces suffered no casualties. The Ostran ministry protested.

==Battle of the Dolno Valley (1924)==
The Battle of the Dolno Valley was the decisive battle of the war. After skirmishes in May and June 1924, larger forces met. There were two principal engagements:
- The initial Ostran attack in July (2–25 July), which stalled.
- The Zembrian counteroffensive in late August at Tarvo, which by 31 August had destroyed the Ostran forces.

In this engagement the Zembrians defeated the Ostrans. The two states agreed to a cease-fire on 15 September, which took effect the following day.

==Portrayal in media==
In 1960 a film showed Zembrian soldiers who attacked an Ostran fort on 4 July 1922.

==See also==
- Battle of Nowhere
`

func fixtureEvents(t *testing.T) ([]annalist.Event, []annalist.Claim, *annalist.Article) {
	t.Helper()
	a, err := plaintext.Read("fixture.txt", []byte(fixture))
	if err != nil {
		t.Fatal(err)
	}
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{
		{Belligerents: []string{"Zembria", "Velmia"}},
		{Belligerents: []string{"Ostra"}},
	}}
	evs, cls := Extract(a, c, tab)
	return evs, cls, a
}

// find returns the one event whose evidence holds phrase.
func find(t *testing.T, evs []annalist.Event, phrase string) *annalist.Event {
	t.Helper()
	var hit *annalist.Event
	for i := range evs {
		for _, e := range evs[i].Evidence {
			if strings.Contains(e.Text, phrase) {
				if hit != nil && hit != &evs[i] {
					t.Fatalf("two events hold %q", phrase)
				}
				hit = &evs[i]
			}
		}
	}
	if hit == nil {
		t.Fatalf("no event holds %q", phrase)
	}
	return hit
}

func low(c *annalist.Count) string {
	if c == nil || c.Low == nil {
		return "-"
	}
	return itoa(*c.Low)
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// sideCounts renders the losses of the side holding party: deaths,
// wounded, captured.
func sideCounts(ev *annalist.Event, party string) string {
	for _, p := range ev.SideA {
		if p == party {
			return low(ev.DeathsA) + "/" + low(ev.WoundedA) + "/" + low(ev.CapturedA)
		}
	}
	for _, p := range ev.SideB {
		if p == party {
			return low(ev.DeathsB) + "/" + low(ev.WoundedB) + "/" + low(ev.CapturedB)
		}
	}
	return "not a side"
}

func TestExtractReadsEachClash(t *testing.T) {
	evs, _, _ := fixtureEvents(t)
	tests := []struct {
		rule        string
		anchor      string
		start, end  string
		sides       string // side a / side b, sorted within a side
		zembria     string // deaths/wounded/captured of Zembria's side
		ostra       string
		place, name string
	}{
		{"a dated sentence opens a clash; the next sentences continue it",
			"On 3 May 1921, a Zembrian patrol", "1921-05-03", "1921-05-03", "Velmia Zembria/Ostra", "6/5/-", "-/-/-",
			"about 12 kilometers west of Lake Mirn", ""},
		{"a relative date opens a new clash at the same place",
			"Five days later, 60 Ostran", "1921-05-08", "1921-05-08", "Ostra/Zembria", "-/-/-", "7/-/-",
			"about 12 kilometers west of Lake Mirn", ""},
		{"the same day at another place is another clash",
			"The same day, at Dolno", "1921-05-08", "1921-05-08", "Zembria/Ostra", "-/-/-", "-/-/-", "at Dolno", ""},
		{"capturing N soldiers credits the other side",
			"In December, an Ostran detachment", "1921-12", "1921-12", "Ostra/Zembria", "-/-/10", "-/-/-", "near Karvo", ""},
		{"a month before the last one rolls into the next year; told prisoners are not counted again",
			"More attacks on the outposts", "1922-01", "1922-01", "Ostra/Zembria", "-/-/-", "-/-/-", "", ""},
		{"at the cost of: the subject's losses; the day narrows the month; the place from the paragraph",
			"On March 12, Tesk's men", "1922-03-12", "1922-03-12", "Zembria/Ostra", "8/4/-", "0/0/-", "the Pelm region", ""},
		{"a named incident after a lost name; losses by party; including is a part",
			"The Sarn incident of June 1922", "1922-06", "1922-06", "Ostra/Velmia Zembria", "27/9/-", "56/-/-", "Sarn", "Sarn incident"},
		{"a lost name takes the heading's name",
			"Ostran gunboats landed", "1922-08", "1922-08", "Zembria/Ostra", "0/0/-", "37/-/-", "on the Velm River", "Karvo Island incident"},
		{"a battle's name opens it; the paragraph after the list continues it to the cease-fire",
			"The Battle of the Dolno Valley was", "1924-05", "1924-09-16", "Zembria/Ostra", "-/-/-", "-/-/-", "", "Battle of the Dolno Valley"},
		{"a list item is a phase of its own; the inner range wins",
			"The initial Ostran attack in July", "1924-07-02", "1924-07-25", "Ostra/Zembria", "-/-/-", "-/-/-", "", ""},
		{"by 31 August ends a phase that starts in late August",
			"The Zembrian counteroffensive in late August", "1924-08", "1924-08-31", "Zembria/Ostra", "-/-/-", "-/-/-", "at Tarvo", ""},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			ev := find(t, evs, tt.anchor)
			if got := ev.DateStart.String() + ".." + ev.DateEnd.String(); got != tt.start+".."+tt.end {
				t.Errorf("date = %s, want %s..%s", got, tt.start, tt.end)
			}
			if got := strings.Join(sorted(ev.SideA), " ") + "/" + strings.Join(sorted(ev.SideB), " "); got != tt.sides {
				t.Errorf("sides = %s, want %s", got, tt.sides)
			}
			if got := sideCounts(ev, "Zembria"); got != tt.zembria {
				t.Errorf("Zembria's losses = %s, want %s", got, tt.zembria)
			}
			if got := sideCounts(ev, "Ostra"); got != tt.ostra {
				t.Errorf("Ostra's losses = %s, want %s", got, tt.ostra)
			}
			place := ""
			if ev.Place != nil {
				place = ev.Place.Text
			}
			if tt.place != "" && place != tt.place {
				t.Errorf("place = %q, want %q", place, tt.place)
			}
			name := ""
			if ev.Name != nil {
				name = *ev.Name
			}
			if name != tt.name {
				t.Errorf("name = %q, want %q", name, tt.name)
			}
		})
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func TestExtractSkipsWhatIsNoClash(t *testing.T) {
	evs, _, _ := fixtureEvents(t)
	for _, phrase := range []string{
		"signed a treaty",            // treaty and aid shipment
		"lodged a protest",           // a protest inside a clash is evidence, never a clash of its own
		"a film showed",              // portrayal in media
		"Battle of Nowhere",          // see also
		"a series of clashes fought", // the lead summarizes
		"according to the Ostran Army",
	} {
		n := 0
		for _, ev := range evs {
			if strings.Contains(ev.Evidence[0].Text, phrase) {
				n++
			}
		}
		if n != 0 {
			t.Errorf("%d events open with %q", n, phrase)
		}
	}
	if len(evs) != 11 {
		for _, ev := range evs {
			t.Logf("%s %.60s", ev.DateStart, ev.Evidence[0].Text)
		}
		t.Errorf("%d events, want 11", len(evs))
	}
}

func TestEvidenceHoldsTheSourceBytes(t *testing.T) {
	evs, cls, a := fixtureEvents(t)
	check := func(e annalist.Evidence) {
		if e.Start < 0 || e.End > len(a.Raw) || e.Start >= e.End || string(a.Raw[e.Start:e.End]) != e.Text {
			t.Errorf("evidence %d:%d does not hold its text %.40q", e.Start, e.End, e.Text)
		}
	}
	ids := map[string]bool{}
	for _, ev := range evs {
		if ids[ev.ID] {
			t.Errorf("duplicate id %s", ev.ID)
		}
		ids[ev.ID] = true
		for _, e := range ev.Evidence {
			check(e)
		}
		for _, c := range []*annalist.Count{ev.DeathsA, ev.DeathsB, ev.WoundedA, ev.WoundedB, ev.CapturedA, ev.CapturedB} {
			if c != nil && c.Span != nil && string(a.Raw[c.Span.Start:c.Span.End]) != c.Text {
				t.Errorf("count span %v does not hold %q", *c.Span, c.Text)
			}
		}
	}
	for _, c := range cls {
		for _, e := range c.Evidence {
			check(e)
		}
	}
	again, _, _ := fixtureEvents(t)
	for i := range again {
		if again[i].ID != evs[i].ID {
			t.Errorf("event %d: id %s then %s", i, evs[i].ID, again[i].ID)
		}
	}
}

func TestExtractReadsClaims(t *testing.T) {
	_, cls, _ := fixtureEvents(t)
	var got []string
	for _, c := range cls {
		who := ""
		if c.AccordingTo != nil {
			who = *c.AccordingTo
		}
		got = append(got, low(&c.Quantity)+" "+c.What+" "+c.PeriodStart.String()+".."+c.PeriodEnd.String()+" "+who)
	}
	want := []string{
		"152 border disputes 1915..1920 Ostra",
		"15 border violations 1919..1919 Zembria",
		"6 air intrusions 1919..1919 Zembria",
		"20 cattle theft 1919..1919 Zembria",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("claims:\n got %q\nwant %q", got, want)
	}
}

func TestExtractWithoutConflictSides(t *testing.T) {
	a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Fighting==\nOn 2 June 1941, Finnish troops attacked a Soviet outpost near Salla, and 12 Finnish soldiers were killed.\n"))
	if err != nil {
		t.Fatal(err)
	}
	tab := loadActors(t)
	evs, _ := Extract(a, nil, tab)
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1", len(evs))
	}
	ev := evs[0]
	if strings.Join(ev.SideA, ",") != "Finland" || strings.Join(ev.SideB, ",") != "Soviet Union" {
		t.Errorf("sides %v / %v", ev.SideA, ev.SideB)
	}
	if low(ev.DeathsA) != "12" || ev.DeathsB != nil {
		t.Errorf("deaths %s / %s", low(ev.DeathsA), low(ev.DeathsB))
	}
	if ev.Place == nil || ev.Place.Text != "near Salla" {
		t.Errorf("place %+v", ev.Place)
	}
}

// fixture2 tells a standoff in the manner of recent border crises:
// reported figures, coordinated losses, a background war, a heading that
// names the clash under it, a paragraph that goes on with the fighting.
const fixture2 = `= Zembria–Ostra standoff =

==Background==
The two countries fought a brief war in 1992, and the border stayed unmarked.

==Clashes==
===Pelm Lake===
On 5 May 2030, Zembrian and Ostran soldiers clashed on the northern bank of Pelm Lake. A second brawl took place on 9 May at Tarsk Pass, injuring 4 Ostran and 7 Zembrian soldiers.

Zembrian troops then attacked an Ostran post nearby, and 2 Ostran soldiers were killed.

===Karvo Valley clash===
On the night of 15–16 June 2030, troops of the two armies fought in the Karvo Valley, resulting in the deaths of 20 Zembrian soldiers, including a colonel. In February 2031, Ostra said that 4 of its soldiers had died. The two countries held talks on 22 June and agreed to disengage.

===Later incidents===
On 1 July 2030, Zembria closed its markets to Ostran goods in response to the clash.

On 3 October 2030, Zembrian and Ostran troops clashed at Nodo Pass, as they had done in 1992.
`

func TestExtractRecentBorderCrisis(t *testing.T) {
	a, err := plaintext.Read("fixture2.txt", []byte(fixture2))
	if err != nil {
		t.Fatal(err)
	}
	tab := loadActors(t)
	c := &annalist.Conflict{Start: annalist.DayDate(2030, 5, 5), End: annalist.DayDate(2031, 2, 10),
		Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	evs, _ := Extract(a, c, tab)
	var got []string
	for i := range evs {
		ev := &evs[i]
		name, place := "", ""
		if ev.Name != nil {
			name = *ev.Name
		}
		if ev.Place != nil {
			place = ev.Place.Text
		}
		got = append(got, ev.DateStart.String()+".."+ev.DateEnd.String()+" Z="+sideCounts(ev, "Zembria")+" O="+sideCounts(ev, "Ostra")+
			" @"+place+" "+name)
	}
	want := []string{
		"2030-05-05..2030-05-05 Z=-/-/- O=-/-/- @the northern bank of Pelm Lake ",
		"2030-05-09..2030-05-09 Z=-/7/- O=2/4/- @at Tarsk Pass ",
		"2030-06-15..2030-06-16 Z=20/-/- O=4/-/- @in the Karvo Valley Karvo Valley clash",
		"2030-10-03..2030-10-03 Z=-/-/- O=-/-/- @at Nodo Pass ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// fixture3 is an article about one battle: the lead names it, the body
// tells its days, one of them opening with a dated sentence before any
// fighting.
const fixture3 = `= Battle of Velm Island =

The Battle of Velm Island was fought between Zembria and Ostra from 18 to 23 August 1945.

==Battle==
In the early hours of 18 August, Zembrian forces began landing on the northern shore near Cape Tarn. The Ostran garrison opened fire with artillery. By noon, the Zembrians had taken the beach, at the cost of 200 killed.

On 19 August, Ostran tanks counterattacked the beach but were repulsed.
`

func TestExtractBattleArticle(t *testing.T) {
	a, err := plaintext.Read("fixture3.txt", []byte(fixture3))
	if err != nil {
		t.Fatal(err)
	}
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	evs, _ := Extract(a, c, tab)
	var got []string
	for i := range evs {
		ev := &evs[i]
		name, place := "", ""
		if ev.Name != nil {
			name = *ev.Name
		}
		if ev.Place != nil {
			place = ev.Place.Text
		}
		got = append(got, ev.DateStart.String()+".."+ev.DateEnd.String()+" Z="+sideCounts(ev, "Zembria")+" @"+place+" "+name)
	}
	want := []string{
		"1945-08-18..1945-08-23 Z=-/-/- @Velm Island Battle of Velm Island",
		"1945-08-18..1945-08-18 Z=200/-/- @near Cape Tarn ",
		"1945-08-19..1945-08-19 Z=-/-/- @ ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestExtractWithoutConflictSidesKeepsAlliesTogether(t *testing.T) {
	tab := loadActors(t)
	tests := []struct{ text, a, b string }{
		{"On 8 March 1936, 100 Mongolian and six Soviet troops attacked a Japanese post.", "Mongolia,Soviet Union", "Japan"},
		{"On 8 March 1936, Manchukuoan guards with Japanese advisors clashed with a Mongolian party.", "Manchukuo,Japan", "Mongolia"},
	}
	for _, tt := range tests {
		a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Fighting==\n"+tt.text+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		evs, _ := Extract(a, nil, tab)
		if len(evs) != 1 {
			t.Errorf("%q: %d events", tt.text, len(evs))
			continue
		}
		if got := strings.Join(evs[0].SideA, ",") + "/" + strings.Join(evs[0].SideB, ","); got != tt.a+"/"+tt.b {
			t.Errorf("%q: sides %s, want %s/%s", tt.text, got, tt.a, tt.b)
		}
	}
}

// TestLossesTheTextDoesNotCreditAreUnknown checks crediting when the
// number has no party of its own: the subject's loss ("losing 300 men"),
// a party after a semicolon, and nobody's when both sides stand before it.
func TestLossesTheTextDoesNotCreditAreUnknown(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	tests := []struct{ text, deaths, unknown string }{
		{"On 2 June 2030, Zembrian troops attacked an Ostran outpost, and four soldiers were killed.", "-/-", "4"},
		{"On 2 June 2030, Zembrian and Ostran troops clashed, with 41 people killed on both sides.", "-/-", "41"},
		{"On 2 June 2030, Zembrian troops attacked an Ostran outpost; the Ostrans lost 12 men killed.", "-/12", "-"},
		{"On 2 June 2030, Ostran troops attacked a Zembrian pass but were repulsed, losing 300 men.", "-/300", "-"},
		{"On 2 June 2030, Zembrian troops attacked an Ostran outpost; the death toll rose to 17.", "-/-", "17"},
	}
	for _, tt := range tests {
		a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Fighting==\n"+tt.text+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		evs, _ := Extract(a, c, tab)
		if len(evs) != 1 {
			t.Errorf("%q: %d events", tt.text, len(evs))
			continue
		}
		ev := &evs[0]
		z, o := sideCounts(ev, "Zembria"), sideCounts(ev, "Ostra")
		if got := strings.Split(z, "/")[0] + "/" + strings.Split(o, "/")[0]; got != tt.deaths {
			t.Errorf("%q: deaths Zembria/Ostra %s, want %s", tt.text, got, tt.deaths)
		}
		if got := low(ev.DeathsUnknown); got != tt.unknown {
			t.Errorf("%q: deaths_unknown %s, want %s", tt.text, got, tt.unknown)
		}
	}
}

// An event says where its date was read from: the source bytes of the
// expressions that dated it, a relative one included.
func TestEventsPointAtTheirDates(t *testing.T) {
	evs, _, a := fixtureEvents(t)
	tests := []struct {
		phrase string
		want   []string
	}{
		{"a Zembrian patrol of 30 men", []string{"On 3 May 1921"}},
		{"60 Ostran troops attacked", []string{"Five days later"}},
		{"Tesk's men drove the Ostrans south", []string{"On March 12"}},
		{"The initial Ostran attack in July", []string{"in July", "2–25 July"}},
	}
	for _, tt := range tests {
		ev := find(t, evs, tt.phrase)
		var got []string
		for _, s := range ev.DateSpans {
			got = append(got, string(a.Raw[s.Start:s.End]))
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q: date spans %q, want %q", tt.phrase, got, tt.want)
		}
	}
}

func TestCivilianDeathsStandApartFromSoldiers(t *testing.T) {
	tests := []struct {
		text     string
		civilian bool
	}{
		{"12 villagers", true},
		{"30 civilian deaths", true},
		{"5 non-combatants killed", true},
		{"~40 soldiers and civilians killed", false}, // the text does not split them
		{"20 men killed", false},
		{"8 border guards", false},
	}
	x := bareArticle(t)
	for _, tt := range tests {
		c := annalist.Exact(3)
		c.Text = tt.text
		ev := annalist.Event{DeathsUnknown: &c}
		x.civilianDeaths(&ev)
		if got := ev.DeathsCivilians != nil && ev.DeathsUnknown == nil; got != tt.civilian {
			t.Errorf("%q: civilians %v, want %v", tt.text, got, tt.civilian)
		}
	}
}

// clashDates is a text told under a heading ("Fighting" when empty) and
// the start/end of each clash it tells.
type clashDates struct {
	heading, text string
	want          []string
}

// loadActors loads the embedded table of actors, failing the test if it
// cannot.
func loadActors(t testing.TB) *actor.Table {
	t.Helper()
	tab, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// checkClashDates extracts each text's clashes in a conflict of the two
// sides and checks their dates.
// twoSided returns the actor table and a conflict of two sides, one state
// each.
func twoSided(t *testing.T, a, b string) (*actor.Table, *annalist.Conflict) {
	t.Helper()
	tab := loadActors(t)
	return tab, &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{a}}, {Belligerents: []string{b}}}}
}

// namedDates writes events as "start[/end] [name]", joined by " | ".
func namedDates(evs []annalist.Event, withEnd bool) string {
	var out []string
	for _, ev := range evs {
		g := ev.DateStart.String()
		if withEnd {
			g += "/" + ev.DateEnd.String()
		}
		if ev.Name != nil {
			g += " " + *ev.Name
		}
		out = append(out, g)
	}
	return strings.Join(out, " | ")
}

// clashesUnder extracts the clashes of text told under a heading, in
// conflict c.
func clashesUnder(t *testing.T, tab *actor.Table, c *annalist.Conflict, heading, text string) []annalist.Event {
	t.Helper()
	a, err := plaintext.Read("x.txt", []byte("= X =\n\n=="+heading+"==\n"+text+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := Extract(a, c, tab)
	return evs
}

func checkClashDates(t *testing.T, sides [2]string, tests []clashDates) {
	t.Helper()
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{sides[0]}}, {Belligerents: []string{sides[1]}}}}
	for _, tt := range tests {
		heading := tt.heading
		if heading == "" {
			heading = "Fighting"
		}
		evs := clashesUnder(t, tab, c, heading, tt.text)
		var got []string
		for _, ev := range evs {
			got = append(got, ev.DateStart.String()+"/"+ev.DateEnd.String())
		}
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q / %q: clashes %v, want %v", heading, tt.text, got, tt.want)
		}
	}
}

// A list of days apart is a clash a day; days next to each other, bounds
// and ranges are one clash's.
func TestDayListsAreAClashADay(t *testing.T) {
	sides := [2]string{"Zembria", "Ostra"}
	checkClashDates(t, sides, []clashDates{
		{"", "Zembrian and Ostran patrols clashed near the ford on 3, 5 and 9 May 1921.", []string{"1921-05-03/1921-05-03", "1921-05-05/1921-05-05", "1921-05-09/1921-05-09"}},
		{"", "Further clashes occurred on 15 March and 29 July 1921, when Ostran troops attacked Zembrian posts.", []string{"1921-03-15/1921-03-15", "1921-07-29/1921-07-29"}},
		{"", "On 14 and 15 June 1921 Zembrian troops attacked Ostran posts near the ford.", []string{"1921-06-14/1921-06-15"}},
		{"", "Between 3 and 5 July 1921 Ostran troops attacked near the ford.", []string{"1921-07-03/1921-07-05"}},
		{"", "Ostran troops attacked near the ford (July 1 to July 3, 1921).", []string{"1921-07-01/1921-07-03"}},
	})
}

// A reckoned date beside the day it names ("Two weeks later, on 15
// March") is that day; a reckoned date of its own ("on 15 September, and
// the following day") still counts.
func TestDayBesideAReckoningIsTheDate(t *testing.T) {
	sides := [2]string{"Zembria", "Ostra"}
	checkClashDates(t, sides, []clashDates{
		{"", "On the night of 1–2 March 1969 Ostran troops ambushed a Zembrian patrol at the ford. Two weeks later, on 15 March, the Zembrians attacked the Ostran camp near the ford.",
			[]string{"1969-03-01/1969-03-02", "1969-03-15/1969-03-15"}},
		{"", "On 15 March 1969 Ostran troops attacked the ford, and the Zembrians counter-attacked the following day.",
			[]string{"1969-03-15/1969-03-16"}},
	})
}

// A sentence that sums up the clashes its paragraph then tells ("Fighting
// flared again in the summer.") is none of its own; told after them, it
// is one.
func TestOverviewSentenceIsNoClash(t *testing.T) {
	sides := [2]string{"Soviet Union", "China"}
	checkClashDates(t, sides, []clashDates{
		{"", "Fighting flared again in the summer of 1969. At dawn on 13 August 1969 Soviet troops crossed the river near Tielieketi and attacked a Chinese platoon.",
			[]string{"1969-08-13/1969-08-13"}},
		{"", "At dawn on 13 August 1969 Soviet troops crossed the river near Tielieketi and attacked a Chinese platoon. Heavy artillery duels went on through August 1969.",
			[]string{"1969-08-13/1969-08-13", "1969-08/1969-08"}},
		// A clash told on other ground after it is no detail of it.
		{"", "From mid-January to late February 1970 Chinese troops tried five times to take the island back and were thrown back each time. Further south, on 10 January 1970, a Soviet brigade stormed the Chinese post at Tielieketi.",
			[]string{"1970-01/1970-02", "1970-01-10/1970-01-10"}},
	})
}

// Fighting told on, its day coming inside the sentence a few days later,
// by a party named and at no place of its own, carries the clash of its
// paragraph on; a sentence that opens with its day, or a post taken with
// no party named, is a clash of its own.
func TestFightingToldOnAFewDaysLaterCarriesTheClashOn(t *testing.T) {
	const day = "On 26 August 1922 Ostran divisions attacked the Zembrian lines at Vel. "
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", day + "The Ostran divisions pressed on through the hills, and on 30 August they surrounded and destroyed the Zembrian main body.",
			[]string{"1922-08-26/1922-08-30"}},
		{"", day + "On 30 August Ostran cavalry surrounded and destroyed the Zembrian main body.",
			[]string{"1922-08-26/1922-08-26", "1922-08-30/1922-08-30"}},
		{"", day + "Tesh Ridge was overrun on the night of 28 August.",
			[]string{"1922-08-26/1922-08-26", "1922-08-28/1922-08-28"}},
	})
}

// A paragraph that opens on other ground ("On land, …" after a clash at
// sea) tells a clash of its own, though it gives no date.
func TestAParagraphOnOtherGroundOpensAClash(t *testing.T) {
	tab := loadActors(t)
	const head = "= Vel war =\n\nInfobox\n- Conflict: Vel war\n- Date: 25 July 1894 – 17 April 1895\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n==Fighting==\nOn 25 July 1894 Zembrian cruisers attacked an Ostran convoy off Vel.\n\n"
	for _, tt := range []struct{ next, want string }{
		{"On land, a Zembrian brigade attacked the Ostran camp at Tesh and took it after a sharp fight.", "1894-07-25/1894-07-25 1894-07-25/1894-07-25"},
		{"The Ostran escorts fought back for two hours before the convoy scattered.", "1894-07-25/1894-07-25"},
	} {
		if got := strings.Join(articleClashes(t, tab, head+tt.next+"\n", true), " "); got != tt.want {
			t.Errorf("%q: clashes %s, want %s", tt.next, got, tt.want)
		}
	}
}

// Fighting that goes on ("The fighting continued the following day",
// "The battle lasted until 15 July", "a renewed assault the following
// morning") extends the clash it goes on from,
// with or without an article; plural clashes going on, or fighting going
// on after another clause's attack, are a stretch of their own.
func TestFightingGoingOnExtendsTheClash(t *testing.T) {
	sides := [2]string{"Vietnam", "China"}
	const day = "On 12 July 1984 Vietnamese regiments attacked the Chinese-held ridges. "
	checkClashDates(t, sides, []clashDates{
		{"", day + "The fighting continued the following day.", []string{"1984-07-12/1984-07-13"}},
		{"", day + "Heavy fighting continued the following day.", []string{"1984-07-12/1984-07-13"}},
		{"", day + "The assaults were renewed on the morning of the 13th but failed to dislodge the defenders.", []string{"1984-07-12/1984-07-13"}},
		{"", day + "The Chinese held on through the first day, but a renewed assault the following morning broke their line.", []string{"1984-07-12/1984-07-13"}},
		// Also set off by commas, as a participle after its noun.
		{"", day + "The ridges were held by Chinese border troops, and the assault, renewed the following morning, was beaten back with the loss of several Vietnamese tanks.", []string{"1984-07-12/1984-07-13"}},
		{"", day + "The assault, resumed on 13 July, was beaten back.", []string{"1984-07-12/1984-07-13"}},
		{"", day + "The Chinese held on, but a resumed bombardment the following morning broke their line.", []string{"1984-07-12/1984-07-13"}},
		// A fight the sentence opens with as new ("An artillery duel")
		// going on is a stretch of its own, not the clash told before.
		{"", "On 23 July 1984 Vietnamese regiments attacked the Chinese-held ridges. After two days of fighting, on 25 July, the Vietnamese broke off the attack. An artillery duel went on into August.", []string{"1984-07-23/1984-07-25", "1984-08/1984-08"}},
		// The attackers of the clash told before fight on in it.
		{"", "The Vietnamese assault on the ridges began in late October 1984. Through November the attackers fought their way up the slopes, and by the middle of December the offensive had stalled.", []string{"1984-10/1984-12"}},
		{"", day + "The battle lasted until 15 July, when the Vietnamese withdrew.", []string{"1984-07-12/1984-07-15"}},
		{"", day + "Fighting raged until 15 July.", []string{"1984-07-12/1984-07-15"}},
		// A bound with a part of the month ("until early August") is a bound.
		{"", day + "The exchange turned into a regular bombardment that lasted, with pauses, until early August.", []string{"1984-07-12/1984-08"}},
		{"", day + "The fighting continued until the armistice of 1986.", []string{"1984-07-12/1984-07-12"}},
		{"", day + "On 14 July Chinese troops attacked Vietnamese posts at the ford; fighting continued for a week.", []string{"1984-07-12/1984-07-12", "1984-07-14/1984-07-14"}},
		{"", day + "Two days afterwards Chinese troops assaulted the ford; the assault lasted until the 23rd.", []string{"1984-07-12/1984-07-12", "1984-07-14/1984-07-23"}},
		{"", day + "Ten days after the battle began, the last Chinese positions fell.", []string{"1984-07-12/1984-07-22"}},
		{"", day + "On the third day the Vietnamese cavalry entered the town.", []string{"1984-07-12/1984-07-14"}},
		{"", "In July 1984 Vietnamese regiments attacked the Chinese-held ridges. On the third day the Vietnamese cavalry entered the town.", []string{"1984-07/1984-07"}},
		{"", day + "Three weeks after the first clash, Chinese artillery shelled the ridges for two days.", []string{"1984-07-12/1984-07-12", "1984-08-02/1984-08-03"}},
	})
}

// The other side striking on a day of a clash ("On the evening of the
// same day the raids ended, a Vietnamese patrol ambushed …") is a clash of
// its own, though a word referring to the first clash comes before it.
// The same side going on is the same clash.
func TestOtherSideStrikingOpensAClash(t *testing.T) {
	sides := [2]string{"China", "Vietnam"}
	const raid = "Between 10 and 14 June 1985 Chinese troops raided Vietnamese outposts around Dong Van. "
	checkClashDates(t, sides, []clashDates{
		{"", raid + "On the evening of the same day the raids ended, a Vietnamese patrol ambushed a Chinese supply column.", []string{"1985-06-10/1985-06-14", "1985-06-14/1985-06-14"}},
		{"", raid + "On 12 June the Chinese shelled the outposts again.", []string{"1985-06-10/1985-06-14"}},
		{"", "On 12 June 1985 Chinese troops raided a Vietnamese outpost at Dong Van. Within hours, Vietnamese reinforcements arrived and drove the Chinese off.", []string{"1985-06-12/1985-06-12"}},
		{"", "On 12 June 1985 Chinese troops raided a Vietnamese outpost at Dong Van. Later that day Vietnamese troops attacked a Chinese camp across the river.", []string{"1985-06-12/1985-06-12", "1985-06-12/1985-06-12"}},
		// A counter-attack is the other side's, on a date of its own
		// inside the month of the clash told, its side named or not.
		{"", "Early in June 1985 Chinese troops attacked the Vietnamese positions on Hill 1509. A first counter-attack by ranger companies in the middle of June was beaten back with heavy losses.", []string{"1985-06/1985-06", "1985-06/1985-06"}},
	})
}

// Fighting told going on through the night is the clash told before,
// though it names a place of its own; fighting that opens with the same
// day at another place is a clash of its own, however long it lasted.
func TestFightingThroughTheNightGoesOn(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On the evening of 10 June 2008 Zembrian soldiers opened fire on an Ostran patrol near Vel. Zembrian artillery shelled the Ostran positions facing Tesh Island through the night, and over the next two days Zembrian infantry attacked repeatedly.",
			[]string{"2008-06-10/2008-06-12"}},
		{"", "On 9 July 1882 Zembrian troops fell on an Ostran force at Vel. That same day, at the village of Tesh, a Zembrian company was attacked by Ostran guerrillas; the Zembrians held out through the night.",
			[]string{"1882-07-09/1882-07-09", "1882-07-09/1882-07-09"}},
	})
}

// A siege runs until it is relieved or lifted, within a year; a man
// "relieved of command" ends nothing, nor does relief after a clash that
// was no siege. A surrender ends a siege as relief does.
func TestASiegeRunsUntilRelieved(t *testing.T) {
	sides := [2]string{"Ethiopia", "Somalia"}
	const siege = "In early May 1994 Somali troops besieged the Ethiopian garrison of Kebri Dahar. "
	checkClashDates(t, sides, []clashDates{
		{"", siege + "The garrison was finally relieved on 18 June.", []string{"1994-05/1994-06-18"}},
		{"", siege + "The siege was lifted in August.", []string{"1994-05/1994-08"}},
		{"", siege + "The garrison surrendered on 30 November.", []string{"1994-05/1994-11-30"}},
		{"", siege + "After the failure of a last appeal for help, Gaucourt agreed to terms, and the town surrendered on 22 June.", []string{"1994-05/1994-06-22"}},
		{"", "On 9 May 1994 Somali troops attacked the Ethiopian fort at Kebri Dahar and settled into a siege, cutting the garrison off from water. After twenty days, with his men starving, Marzana surrendered on 29 May.", []string{"1994-05-09/1994-05-29"}},
		// A surrender within the siege's month is its last day, not its day.
		{"", siege + "The garrison withstood bombardment for the better part of the month, and Kebri Dahar capitulated only on 30 May.", []string{"1994-05/1994-05-30"}},
		{"", siege + "The garrison surrendered on 30 November after a bombardment of several weeks.", []string{"1994-05/1994-11-30"}},
		{"", siege + "Its commander was relieved of command on 18 June.", []string{"1994-05/1994-05"}},
		// A relief force beaten off away from the walls is a clash of its
		// own; the garrison's surrender after it ends the siege.
		{"", "On 1 July 1994 Somali troops laid siege to Kebri Dahar. On 5 July the Ethiopians tried to relieve the town with a column of cavalry, but Somali troops attacked it at Dhagahbur, a few kilometres from the walls, and routed it. Two days later the garrison of Kebri Dahar surrendered.", []string{"1994-07-01/1994-07-07", "1994-07-05/1994-07-05"}},
		// A siege told begun in a month runs from it to a day of fighting
		// told inside that month.
		{"", "The Ostran general opened the siege of Kebri Dahar in early May 1994. On 12 May his troops attacked the Ethiopian entrenchments in the suburbs.", []string{"1994-05/1994-05-12"}},
		// So is a relief army's battle told in the siege's month, its day
		// late in the sentence.
		{"", siege + "An Ethiopian army marched from Harar to relieve it, and on 17 May 1994 the two armies met on open ground at Dhagahbur in a sandstorm.", []string{"1994-05/1994-05", "1994-05-17/1994-05-17"}},
		// Talks told between close the siege for the narrative; its end,
		// told after them, still ends it.
		{"", siege + "A proposal for an armistice, carried between the camps in July, came to nothing. In early August news of an Ethiopian relief army forced the Somalis to raise the siege.", []string{"1994-05/1994-08"}},
		{"", "On 2 May 1994 Somali troops attacked the Ethiopian post at Kebri Dahar. The post was relieved on 18 June.", []string{"1994-05-02/1994-05-02"}},
		// A place invested, told in the passive, is besieged; a man
		// invested with powers is not.
		{"", "The Ethiopian fortress of Kebri Dahar was invested by Somali troops on 20 May 1994. The garrison surrendered on 30 May.", []string{"1994-05-20/1994-05-30"}},
		{"", "On 20 May 1994 the Ethiopian general at Kebri Dahar was invested with full powers.", nil},
		// A town's surrender ends the clash at that town, not a siege told
		// a paragraph before at another.
		{"", "The Ethiopian fortress of Kebri Dahar was invested by Somali troops on 20 May 1994. Its garrison surrendered on 23 May.\n\nThe Somalis then moved on Dhagahbur. On 31 May their batteries opened fire on the Ethiopian garrison. The town council pressed for surrender, and the town opened its gates on 2 June.",
			[]string{"1994-05-20/1994-05-23", "1994-05-31/1994-06-02"}},
	})
}

// "It was not until 13 August that …" dates what follows on that day; it
// bounds nothing.
func TestNotUntilADayIsThatDay(t *testing.T) {
	checkClashDates(t, [2]string{"Soviet Union", "China"}, []clashDates{
		{"", "On 2 March 1969 Chinese soldiers ambushed a Soviet patrol on the island. It was not until 13 August that Soviet tanks attacked Chinese positions near the lake.",
			[]string{"1969-03-02/1969-03-02", "1969-08-13/1969-08-13"}},
		{"", "On 2 March 1969 Chinese soldiers ambushed a Soviet patrol on the island, and the fighting went on until 4 March.", []string{"1969-03-02/1969-03-04"}},
	})
}

// In a narrative that goes by years, the year told just before a clash
// dates it; once the narrative dates by the day, or with a sentence
// between, a year is the background's.
func TestAYearDatesTheClashRightAfterItInANarrativeOfYears(t *testing.T) {
	checkClashDates(t, [2]string{"Denmark", "Sweden"}, []clashDates{
		{"", "In 1676 the Danish army landed in Scania. The Swedes attacked it near the coast.", []string{"1676/1676"}},
		{"", "In 1676 the Danish army landed in Scania. Its king hoped for help from the towns. The Swedes attacked it near the coast.", nil},
		{"", "On 29 June 1676 Danish troops stormed the fort at Helsingborg. In 1677 the Danish army landed again in Scania. The Swedes attacked it near the coast.", []string{"1676-06-29/1676-06-29"}},
		// A battle named is a clash however far into the paragraph.
		{"", "In 1676 the Danish army landed in Scania. Its king hoped for help from the towns. At the Battle of Lund the Swedes routed it.", []string{"1676/1676"}},
	})
}

// The attackers of a clash are the side its first sentence of fighting
// makes them, by grammar: a subject before the verb, the party after "by"
// in the passive, or, when only the party attacked is named, the other
// side. "The raiders" and "the attackers" lose for them, and side_a is
// theirs.
func TestTheAttackersAreTheSideTheGrammarMakesThem(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	tests := []struct {
		text string
		want string // side_a, and its dead
	}{
		{"On 4 May 1790 horsemen raided the Ostran village of Kamen. 40 of the raiders were killed.", "Zembria 40"},
		{"On 4 May 1790 horsemen crossed the river and raided two villages held by the Ostrans; the attackers lost 40 men.", "Zembria 40"},
		{"On 4 May 1790 Zembrian horsemen raided the Ostran village of Kamen. 40 of the raiders were killed.", "Zembria 40"},
		{"On 4 May 1790 the Ostran post was attacked by Zembrian troops; 40 of the attackers were killed.", "Zembria 40"},
		{"On 4 May 1790 the Ostran post was attacked near the river; 40 of the attackers were killed.", "Zembria 40"},
		{"On 4 May 1790 Zembrian troops were ambushed by the Ostrans; 40 of the attackers were killed.", "Ostra 40"},
		{"The first clash took place on 4 May 1790, when Ostran troops attacked a Zembrian outpost; 40 of the attackers were killed.", "Ostra 40"},
		{"On 4 May 1790 Kowalski besieged the town with the main Ostran army; 40 of the besiegers were killed.", "Ostra 40"},
		{"In May 1790 an Ostran army crossed the river. On 5 May it stormed the town; 40 of the attackers were killed.", "Ostra 40"},
		{"On 4 May 1790 Kamen fell to Ostran dragoons; 40 of the attackers were killed.", "Ostra 40"},
	}
	for _, tt := range tests {
		evs := clashesUnder(t, tab, c, "Fighting", tt.text)
		if len(evs) != 1 {
			t.Errorf("%q: %d clashes, want 1", tt.text, len(evs))
			continue
		}
		got := strings.Join(evs[0].SideA, "+") + " " + low(evs[0].DeathsA)
		if got != tt.want {
			t.Errorf("%q: side_a and its dead %q, want %q", tt.text, got, tt.want)
		}
	}
}

// "Meanwhile" or "At the same time" with fighting at another place tells
// a clash of its own on the same day; at the same place it goes on with
// the clash before. A clash told without a place is not at the place
// named now.
// A state's name in an operation's code name ("Operation Scotland II")
// names no party.
func TestAStateInACodeNameIsNoParty(t *testing.T) {
	tab, c := twoSided(t, "Ethiopia", "Somalia")
	c.Name, c.Start, c.End = "Gaan clashes", annalist.MonthDate(1994, 1), annalist.MonthDate(1994, 12)
	for _, text := range []string{
		"On 14 April 1994 Ethiopian troops attacked the Somali post on the hill at Gaan, and Operation Kenya ended the next day.",
		"On 14 April 1994 Ethiopian troops stormed the Somali post on the hill at Gaan; the defence of the area then passed to Operation Kenya II.",
		"On 14 April 1994 the 3rd Battalion attacked Hill 881, which had been in Somali hands since January. The battalion cleared the hill by nightfall, and the defence of the area passed to Operation Kenya II.",
	} {
		evs := clashesUnder(t, tab, c, "Fighting", text)
		if len(evs) != 1 || strings.Join(sorted(append(append([]string(nil), evs[0].SideA...), evs[0].SideB...)), ",") != "Ethiopia,Somalia" {
			var got []string
			for _, ev := range evs {
				got = append(got, strings.Join(ev.SideA, ",")+"/"+strings.Join(ev.SideB, ","))
			}
			t.Errorf("%q: sides %q, want one clash of Ethiopia and Somalia", text, got)
		}
	}
}

// A clash told elsewhere at the same time by troops the sentence does
// not name ("To the north, a second battalion took the ridge") was
// attacked by the side that attacked in the clash before, whatever side
// its sentence names first.
func TestAParallelClashKeepsTheAttackerOfTheOneBefore(t *testing.T) {
	tab, c := twoSided(t, "Ethiopia", "Somalia")
	const first = "On 3 March 1994 Ethiopian infantry attacked the Somali positions on Mount Gaan. "
	for _, tt := range []struct{ text, want string }{
		{first + "To the north, a second battalion took Wadi Ridge from its Somali defenders after a night of fighting.", "Ethiopia/Somalia Ethiopia/Somalia"},
		{first + "Further east, a column stormed the Somali camp at Beledweyne.", "Ethiopia/Somalia Ethiopia/Somalia"},
		// One that names no party at all is between the same parties,
		// the sentence's ground moved by a phrase at its end.
		{first + "A second company shelled the camp at Beledweyne, further east.", "Ethiopia/Somalia Ethiopia/Somalia"},
		// A sentence that names its own attacker keeps it.
		{first + "Further east, Somali tanks struck the Ethiopian camp at Beledweyne.", "Ethiopia/Somalia Somalia/Ethiopia"},
	} {
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "Fighting", tt.text) {
			got = append(got, strings.Join(ev.SideA, ",")+"/"+strings.Join(ev.SideB, ","))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q: sides %q, want %q", tt.text, g, tt.want)
		}
	}
}

// A sentence naming a party in a month, just before the clash on one of
// its days, is the clash's opening ("In early May the Somalis moved
// more guns to the coast. On 17 May they shelled Kel").
func TestAPartysMonthBeforeAClashDayOpensIt(t *testing.T) {
	tab, c := twoSided(t, "Ethiopia", "Somalia")
	for _, tt := range []struct{ text, want string }{
		{"In early May 1994 the Somalis moved more guns to the coast. On 17 May Somali batteries shelled the Ethiopian port of Assab.", "1994-05-17 [In early May 1]"},
		{"The Somalis tried again later that month. On 17 May 1994 Somali batteries shelled the Ethiopian port of Assab.", "1994-05-17 [On 17 May 1994]"},
		// A month that does not hold the day is another time.
		{"In April 1994 the Somalis moved more guns to the coast. On 17 May Somali batteries shelled the Ethiopian port of Assab.", "1994-05-17 [On 17 May Soma]"},
	} {
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "Fighting", tt.text) {
			got = append(got, fmt.Sprintf("%s [%.14s]", ev.DateStart, ev.Evidence[0].Text))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, g, tt.want)
		}
	}
}

// Fighting told with no date of its own, at a place, opens no clash; the
// dated sentence after it that does tells the same fight, which the
// undated one began ("At the same time a second army was besieging the
// fortress of Kel. Kel had been invested in early July").
func TestUndatedFightingBeforeADatedClashIsItsOpening(t *testing.T) {
	tab, c := twoSided(t, "Ethiopia", "Somalia")
	const first = "On 3 March 1994 Ethiopian infantry attacked the Somali positions on Mount Gaan.\n\n"
	for _, tt := range []struct{ text, want string }{
		{first + "At the same time a second Ethiopian army was besieging the fortress of Kel. Kel had been invested at the beginning of April and held out until 2 June.",
			"1994-03-03 Ethiopia [On 3 March 199] | 1994-04/1994-06-02 Ethiopia [At the same ti]"},
		{first + "Further south, Somali guns were shelling the Ethiopian border post at Dolo. On 9 March Somali infantry stormed the post.",
			"1994-03-03 Ethiopia [On 3 March 199] | 1994-03-09 Somalia [Further south,]"},
	} {
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "Fighting", tt.text) {
			d := ev.DateStart.String()
			if ev.DateEnd != ev.DateStart {
				d += "/" + ev.DateEnd.String()
			}
			got = append(got, fmt.Sprintf("%s %s [%.14s]", d, strings.Join(ev.SideA, ","), ev.Evidence[0].Text))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.text, g, tt.want)
		}
	}
}

func TestFightingElsewhereAtTheSameTimeIsAClashOfItsOwn(t *testing.T) {
	tab, c := twoSided(t, "Ethiopia", "Somalia")
	const first = "On 3 March 1994 Ethiopian aircraft bombed the Somali airfield at Galkayo. "
	tests := []struct{ text, want string }{
		{first + "At the same time Ethiopian ground forces attacked the town of Beledweyne.", "1994-03-03 at Galkayo | 1994-03-03 the town of Beledweyne"},
		{first + "Meanwhile Ethiopian ground forces attacked the town of Beledweyne.", "1994-03-03 at Galkayo | 1994-03-03 the town of Beledweyne"},
		{first + "At much the same time Ethiopian ground forces attacked the town of Beledweyne.", "1994-03-03 at Galkayo | 1994-03-03 the town of Beledweyne"},
		{first + "Meanwhile the Somali garrison at Galkayo returned fire.", "1994-03-03 at Galkayo"},
		{first + "Ethiopian ground forces meanwhile attacked the town of Beledweyne.", "1994-03-03 at Galkayo | 1994-03-03 the town of Beledweyne"},
		// The clash before named no place: the place named now is not its.
		{"On 3 March 1994 the townsmen of Galkayo rose against their Ethiopian garrison. Meanwhile Ethiopian ground forces besieged Beledweyne.", "1994-03-03 - | 1994-03-03 Beledweyne"},
		// A word that moves the telling to other ground does the same,
		// with a date of its own late in the sentence too.
		{first + "Further west, near Beledweyne, Somali anti-tank teams knocked out several Ethiopian tanks.", "1994-03-03 at Galkayo | 1994-03-03 near Beledweyne"},
		{first + "To the east, the Somali post at Beledweyne came under attack on 3 March.", "1994-03-03 at Galkayo | 1994-03-03 at Beledweyne"},
		// "Also" tells one more action: at a place of its own, a clash of
		// its own; at the clash's place, more of it.
		{first + "Ethiopian guns on the ridge also shelled the town of Beledweyne.", "1994-03-03 at Galkayo | 1994-03-03 the town of Beledweyne"},
		{first + "The fuel depot at the port of Beledweyne was also bombed by Ethiopian aircraft.", "1994-03-03 at Galkayo | 1994-03-03 the port of Beledweyne"},
		{first + "The Ethiopian aircraft also bombed the barracks at Galkayo.", "1994-03-03 at Galkayo"},
	}
	for _, tt := range tests {
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "Fighting", tt.text) {
			place := "-"
			if ev.Place != nil {
				place = ev.Place.Text
			}
			got = append(got, ev.DateStart.String()+" "+place)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, g, tt.want)
		}
	}
}

// A date given again in another calendar ("(O.S. 1 June)") is a note:
// the clash is on the date the narrative gives first.
func TestADateInAnotherCalendarIsANote(t *testing.T) {
	checkClashDates(t, [2]string{"Russian Empire", "Sweden"}, []clashDates{
		{"", "On 12 June 1790 (Old Style: 1 June) Swedish ships attacked the Russian squadron off Kronstadt.", []string{"1790-06-12/1790-06-12"}},
		{"", "On 12 June 1790 (O.S. 1 June) Swedish ships attacked the Russian squadron off Kronstadt.", []string{"1790-06-12/1790-06-12"}},
		{"", "On 12 June [O.S. 1 June] 1790 Swedish ships attacked the Russian squadron off Kronstadt.", []string{"1790-06-12/1790-06-12"}},
		{"", "The battle was fought from 11 to 14 June 1790 (1–4 June O.S.) when Swedish ships attacked the Russian squadron off Kronstadt.", []string{"1790-06-11/1790-06-14"}},
		{"", "Swedish ships attacked the Russian squadron off Kronstadt on 12 June 1790 (1 June, Julian calendar).", []string{"1790-06-12/1790-06-12"}},
		{"", "Swedish ships attacked the Russian squadron off Kronstadt on 1 June 1790 (12 June in the Gregorian calendar).", []string{"1790-06-01/1790-06-01"}},
		// A day given again in bare brackets is the same day, not the end
		// of a stretch; a day in brackets after a month dates it closer.
		{"", "Swedish ships attacked the Russian squadron off Kronstadt on 1 June 1790 (12 June).", []string{"1790-06-01/1790-06-01"}},
		{"", "Swedish ships attacked the Russian squadron off Kronstadt in June 1790 (12 June).", []string{"1790-06-12/1790-06-12"}},
		// Nor does the narrative move to the note's day.
		{"", "The battle off Kronstadt was fought from 11 to 14 June 1790 (1–4 June O.S.) between the Swedish and Russian fleets. That afternoon Swedish ships attacked the Russian flagship.", []string{"1790-06-11/1790-06-14"}},
	})
}

// "quiet until 1971, when …" dates the clause after "when" in that year:
// the sentence tells a new clash, not the end of the one before.
func TestUntilADateWhenIsThatDate(t *testing.T) {
	checkClashDates(t, [2]string{"Soviet Union", "China"}, []clashDates{
		{"", "On 2 March 1969 Chinese soldiers ambushed a Soviet patrol on the island. The border stayed quiet until 8 May 1970, when Soviet gunboats shelled a Chinese post near the lake.",
			[]string{"1969-03-02/1969-03-02", "1970-05-08/1970-05-08"}},
		{"", "On 2 March 1969 Chinese soldiers ambushed a Soviet patrol on the island. The patrol held the island until 4 March, when Soviet tanks attacked.",
			[]string{"1969-03-02/1969-03-02", "1969-03-04/1969-03-04"}},
	})
}

// Under a heading that names one battle, its first dated sentence opens
// the battle though it tells no fighting ("The English fleet put to sea
// again on 4 August and sighted the Dutch off the North Foreland"); under
// another heading it does not.
func TestABattleHeadingDatesItsFirstSentence(t *testing.T) {
	tab, c := twoSided(t, "Kingdom of England", "Dutch Republic")
	const text = "The English fleet put to sea again on 4 August 1666 and sighted the Dutch off the North Foreland. This time the English had the better of it."
	for _, tt := range []struct{ heading, want string }{
		{"St James's Day Battle", "1666-08-04 St James's Day Battle"},
		{"Second Anglo-Dutch War", ""},
	} {
		if got := namedDates(clashesUnder(t, tab, c, tt.heading, text), false); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.heading, got, tt.want)
		}
	}
}

// A section whose battle is told with fighting dates it by that fighting,
// not by a sentence of planning before it.
func TestABattleHeadingDoesNotDatePlanning(t *testing.T) {
	tab, c := twoSided(t, "United States", "North Korea")
	text := "On 6 July 1950 the American commander ordered a division to plan a landing at Incheon. On 15 September 1950 American marines landed at Incheon and stormed the North Korean positions."
	var got []string
	for _, ev := range clashesUnder(t, tab, c, "Battle of Incheon", text) {
		got = append(got, ev.DateStart.String())
	}
	if strings.Join(got, " ") != "1950-09-15" {
		t.Errorf("clashes %q, want the landing of 15 September only", got)
	}
}

// The first or last week of a month is the days of that week; early,
// mid or late in a month stays the month.
func TestAWeekOfAMonthDatesItsDays(t *testing.T) {
	checkClashDates(t, [2]string{"Mali", "Niger"}, []clashDates{
		{"", "In the first week of June 1986, Malian aircraft bombed Nigerien positions at Tillabéri.", []string{"1986-06-01/1986-06-07"}},
		{"", "In the last week of February 1986, Malian aircraft bombed Nigerien positions at Tillabéri.", []string{"1986-02-22/1986-02-28"}},
		{"", "In early June 1986, Malian aircraft bombed Nigerien positions at Tillabéri.", []string{"1986-06/1986-06"}},
	})
}

// A code name ("Operation Sandstorm") names its clash, in the prose or a
// heading; named and dated, opening the sentence or launched in it, it
// opens the clash, and the stretch after it ("Over the next five days …")
// is the operation's fighting.
func TestACodeNamedOperationIsOneClash(t *testing.T) {
	tab, c := twoSided(t, "Ethiopia", "Somalia")
	tests := []struct{ heading, text, want string }{
		{"Fighting", "Operation Sandstorm was launched by the Ethiopian army on 21 February 1994 against Somali camps. Over the next five days, Ethiopian troops attacked three camps.", "1994-02-21/1994-02-26 Operation Sandstorm"},
		{"Operation Red Ford", "On 3 March 1994 Ethiopian troops crossed the river and attacked a Somali post.", "1994-03-03/1994-03-03 Operation Red Ford"},
		// Launched by a party named first, it opens its clash the same.
		{"Fighting", "On 23 February 1994 Ethiopia launched Operation Sunset against the Somali camps.", "1994-02-23/1994-02-23 Operation Sunset"},
		{"Fighting", "On the morning of 23 February 1994 Ethiopia launched what it called Operation Dawn against the Somali camps.", "1994-02-23/1994-02-23 Operation Dawn"},
		// An operation that only began is not known to be fighting.
		{"Fighting", "In August 1994 began Operation Passage, the evacuation of Somali families across the river.", ""},
		{"Fighting", "On 3 March 1994 Ethiopian troops attacked a Somali post. During the following two days both sides raided each other's outposts.", "1994-03-03/1994-03-03 | 1994-03-04/1994-03-05"},
		// The losses of the days after a fight, told with no fighting of
		// their own, are that fight's; "the next week" is seven days.
		{"Fighting", "On 3 March 1994 the Ethiopian army launched an offensive against Somali camps. Over the next week 40 Somali fighters and 6 Ethiopian soldiers were killed.", "1994-03-03/1994-03-10"},
		{"Fighting", "On 3 March 1994 Ethiopian troops attacked a Somali post. Over the next three days 40 Somali fighters were killed.", "1994-03-03/1994-03-06"},
	}
	for _, tt := range tests {
		if got := namedDates(clashesUnder(t, tab, c, tt.heading, tt.text), true); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// With the conflict's dates known, a number in a heading far from them is
// a name's ("Hill 733"), not a year: the heading still names one year. A
// span of years near them is no one year.
func TestNumbersOfNamesInAHeadingAreNoYears(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Start: annalist.YearDate(1938), End: annalist.YearDate(1939),
		Sides: []annalist.Side{{Belligerents: []string{"Soviet Union"}}, {Belligerents: []string{"Japan"}}}}
	const text = "Soviet border guards clashed with a Japanese patrol on the hill, and three Japanese soldiers were killed."
	for _, tt := range []struct{ heading, want string }{
		{"Hill 733 (1939)", "1939/1939"},
		{"The 1939 patrols", "1939/1939"},
		{"Clashes of March 1939", "1939/1939"},
		{"Border war 1938–1939", ""},
	} {
		var got []string
		for _, ev := range clashesUnder(t, tab, c, tt.heading, text) {
			got = append(got, ev.DateStart.String()+"/"+ev.DateEnd.String())
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%q: clashes %v, want %q", tt.heading, got, tt.want)
		}
	}
}

// Fighting told with no date of its own, first under a heading of one
// year, is a clash of that year when it says where or what it cost; a
// heading of a span, or fighting with neither, opens none.
func TestHeadingYearDatesAnUndatedClash(t *testing.T) {
	sides := [2]string{"Soviet Union", "Japan"}
	checkClashDates(t, sides, []clashDates{
		{"1937 Bolshoi Island incident", "Soviet border guards clashed with a Japanese patrol on Bolshoi Island. Three Japanese soldiers were killed.", []string{"1937/1937"}},
		{"Incidents of 1938", "Japanese troops attacked a Soviet outpost, killing two guards.", []string{"1938/1938"}},
		{"1935–1938", "Soviet border guards clashed with a Japanese patrol on Bolshoi Island.", nil},
		{"1937", "Soviet and Japanese troops fought their first battles.", nil},
	})
}

// A dated cease-fire after a clash is no part of it: the clash ends, and
// the sentence is none of its evidence. A truce broken ("broke the
// truce") is no cease-fire: the dated sentence that tells it opens the
// fighting told after it.
func TestCeaseFireEndsTheClashABrokenTruceOpensOne(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Soviet Union"}}, {Belligerents: []string{"China"}}}}
	tests := []struct {
		text     string
		evidence []int // sentences of evidence per clash
		dates    []string
	}{
		{"On 3 May 1969 Soviet troops attacked the Chinese post at the ford. A ceasefire took effect on 9 May 1969.", []int{1}, []string{"1969-05-03"}},
		{"In January 1969 the Chinese broke the truce at the ford. Chinese troops attacked Soviet posts along the river.", []int{2}, []string{"1969-01"}},
	}
	for _, tt := range tests {
		a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Fighting==\n"+tt.text+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		evs, _ := Extract(a, c, tab)
		var ns []int
		var ds []string
		for _, ev := range evs {
			ns = append(ns, len(ev.Evidence))
			ds = append(ds, ev.DateStart.String())
		}
		if fmt.Sprint(ns) != fmt.Sprint(tt.evidence) || fmt.Sprint(ds) != fmt.Sprint(tt.dates) {
			t.Errorf("%q: evidence %v dates %v, want %v %v", tt.text, ns, ds, tt.evidence, tt.dates)
		}
	}
}

// A later sentence that says how far the fighting had gone by a day ("by
// 12 June they had driven the Somalis back") runs the clash to that day;
// a month ("By September") or a sentence with no fighting does not.
func TestFightingDoneByADayRunsTheClashToIt(t *testing.T) {
	checkClashDates(t, [2]string{"Ethiopia", "Somalia"}, []clashDates{
		{"", "Heavy fighting broke out around Dolo on 7 June 1964. Ethiopian armour came up from the south, and by 12 June it had routed the Somali brigade at the river.",
			[]string{"1964-06-07/1964-06-12"}},
		{"", "Somali troops attacked the Ethiopian post at Dolo on 7 June 1964. The Ethiopians had surrounded the attackers by 9 June.",
			[]string{"1964-06-07/1964-06-09"}},
		// Forced back, as driven or pushed back (WordNet's repel).
		{"", "Early on 7 June 1964 Somali infantry seized the hill above Dolo. Ethiopian tanks struck them from three sides. By 9 June the Somalis had been forced back across the river.",
			[]string{"1964-06-07/1964-06-09"}},
		{"", "Somali troops attacked the Ethiopian post at Dolo on 7 June 1964. By September the Ethiopians had driven every Somali unit back across the river.",
			[]string{"1964-06-07/1964-06-07"}},
		{"", "Somali troops attacked the Ethiopian post at Dolo on 7 June 1964. By 20 June the Ethiopian government had sent a protest to Mogadishu.",
			[]string{"1964-06-07/1964-06-07"}},
	})
}

// A phrasal verb of fighting whose particle follows its object ("had
// driven the Somalis back", "beat the first column off", "shot two
// helicopters down") tells fighting as the verb and particle together do;
// the verb with no particle after it does not.
func TestSplitPhrasalVerbsTellFighting(t *testing.T) {
	checkClashDates(t, [2]string{"Ethiopia", "Somalia"}, []clashDates{
		{"", "On 12 June 1964 Ethiopian armour had driven the Somalis back across the river.", []string{"1964-06-12/1964-06-12"}},
		{"", "On 12 June 1964 the Ethiopian garrison of Dolo beat the first Somali column off.", []string{"1964-06-12/1964-06-12"}},
		{"", "On 12 June 1964 Ethiopian gunners shot two Somali helicopters down near Dolo.", []string{"1964-06-12/1964-06-12"}},
		{"", "On 12 June 1964 Ethiopian lorries had driven the Somali envoys to the capital.", nil},
	})
}

// A reckoning in years or months with the date it reckons beside it
// ("Eight years later, on 4 January 1989") is dated by that date, also
// under a heading whose year the reckoning would otherwise count from.
func TestAReckoningBesideADateTakesTheDate(t *testing.T) {
	sides := [2]string{"United States", "Libya"}
	checkClashDates(t, sides, []clashDates{
		{"1989 incident", "Eight years later, on 4 January 1989, two American jets shot down two Libyan fighters north of Tobruk.", []string{"1989-01-04/1989-01-04"}},
		{"", "On 19 August 1981 Libyan fighters fired on American jets. A year later, in March 1982, American jets shot down a Libyan fighter.", []string{"1981-08-19/1981-08-19", "1982-03/1982-03"}},
		{"", "On 19 August 1981 Libyan fighters fired on American jets. Two days later, on 21 August, American jets shot down a Libyan fighter.", []string{"1981-08-19/1981-08-19", "1981-08-21/1981-08-21"}},
	})
}

// A loss told of one person of a party is a clash, as a loss told of a
// number is: "a Zembrian soldier was killed by Ostran fire", "Ostran
// guards killed a Zembrian soldier"; a death with no party is not.
func TestOnePersonsLossTellsAClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 4 May 1790 a Zembrian soldier was killed by Ostran fire near the ford.", []string{"1790-05-04/1790-05-04"}},
		{"", "On 4 May 1790 Ostran guards killed a Zembrian soldier near the ford.", []string{"1790-05-04/1790-05-04"}},
		{"", "On 4 May 1790 an Ostran officer was wounded near the ford.", []string{"1790-05-04/1790-05-04"}},
		{"", "On 4 May 1790 a man was killed near the ford.", nil},
		{"", "On 4 May 1790 Ostran guards killed a number of deer near the ford.", nil},
	})
}

// A day long after the fighting, told in a clause joined after it ("both
// were killed, and the colour was recovered ten days later"), dates
// neither the fight nor the narrative's next paragraph; the next
// morning there still dates the fight.
func TestADayLongAfterTheFightInALaterClauseMovesNoNarrative(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 22 January 1879 Ostran warriors stormed the Zembrian camp at Vel. Two Zembrian officers were killed at the ford, and their flag was recovered from the river ten days later.\n\nThat afternoon Ostran warriors attacked the Zembrian post at Tesh.",
			[]string{"1879-01-22/1879-01-22", "1879-01-22/1879-01-22"}},
		// A surrender the next day, after ";", ends the fight.
		{"", "On 1 September 1870 Zembrian troops attacked the Ostran army at Vel. The Ostrans had lost 3,000 killed and 20,000 captured during the fighting; with the capitulation signed the following day, another 80,000 men went into captivity.",
			[]string{"1870-09-01/1870-09-02"}},
		{"", "On 1 September 1870 Zembrian troops attacked the Ostran army at Vel. The Ostrans had lost 3,000 killed during the fighting; the following day the rest of the army surrendered.",
			[]string{"1870-09-01/1870-09-02"}},
		// Nor the dates after it in the same paragraph.
		{"", "On 22 January 1879 Ostran warriors stormed the Zembrian camp at Vel. Two Zembrian officers were killed at the ford, and their flag was recovered from the river ten days later. The next morning Ostran warriors attacked the Zembrian post at Tesh.",
			[]string{"1879-01-22/1879-01-22", "1879-01-23/1879-01-23"}},
		{"", "On 13 January 1849 the Zembrians attacked the Ostran lines at the ford instead of waiting until 20 January. Two days later Ostran horsemen raided the Zembrian camp at Tesh.",
			[]string{"1849-01-13/1849-01-13", "1849-01-15/1849-01-15"}},
		{"", "On 29 December 1756 Zembrian troops were surprised by Ostran horsemen near Vel. After a sharp fight the attackers were driven off, and Vel was occupied the next morning.",
			[]string{"1756-12-29/1756-12-30"}},
		{"", "On 21 January 1979 Zembrian brigades attacked the Ostran border town of Velm. The Ostrans were routed, and Velm was taken the next day.",
			[]string{"1979-01-21/1979-01-22"}},
		{"", "On the night of 3 July 1999 Zembrian battalions attacked the Ostran posts on the hill above Vel. By the morning of 4 July Zembrian troops held the summit.",
			[]string{"1999-07-03/1999-07-04"}},
		{"", "After three days of hard fighting the Zembrians stormed the Ostran town of Vel on 16 December 1883.",
			[]string{"1883-12-14/1883-12-16"}},
		{"", "On 14 September 1948 a Zembrian column crossed the border. In the north, another column clashed with Ostran troops near Vel, which it captured the next day.",
			[]string{"1948-09-14/1948-09-15"}},
		// Nor does a year after it ("for most of the following year").
		{"", "The war opened on the night of 8–9 February 1904 with a Zembrian torpedo-boat attack on the Ostran squadron at Vel, and for most of the following year that squadron remained bottled up in its base.",
			[]string{"1904-02-08/1904-02-09"}},
	})
}

// A time reckoned from a clash's beginning ("Five days after the
// bombardment began") counts from the first day of the clash told,
// whatever later day the narrative had reached.
func TestATimeAfterAClashBeganCountsFromItsFirstDay(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 3 May 1846 Zembrian batteries bombarded the Ostran fort at Vel, and the garrison held out until the siege was lifted on 9 May.\n\nFive days after the bombardment began, an Ostran column met the Zembrian army at Tesh and attacked it.",
			[]string{"1846-05-03/1846-05-09", "1846-05-08/1846-05-08"}},
		{"", "On 3 May 1846 Zembrian batteries bombarded the Ostran fort at Vel, and the garrison held out until the siege was lifted on 19 May.\n\nTwo weeks after the siege began, Ostran horsemen attacked the Zembrian camp at Tesh.",
			[]string{"1846-05-03/1846-05-19", "1846-05-17/1846-05-17"}},
		{"", "From 3 May 1846 Zembrian batteries bombarded the Ostran fort at Vel, and Zembrian troops crossed the river to invest it. The garrison held out until the siege was lifted on 9 May, losing two men killed.\n\nFive days after the bombardment began, an Ostran column met the Zembrian army at Tesh and attacked it.",
			[]string{"1846-05-03/1846-05-09", "1846-05-08/1846-05-08"}},
		// Reckoned from the narrative's day, it counts from that day.
		{"", "On 3 May 1846 Zembrian batteries bombarded the Ostran fort at Vel, and the garrison held out until the siege was lifted on 9 May.\n\nFive days later an Ostran column met the Zembrian army at Tesh and attacked it.",
			[]string{"1846-05-03/1846-05-09", "1846-05-14/1846-05-14"}},
	})
}

// A deadline ("was to leave the palace by 09:00 on 27 August, or the
// ships would open fire") is a time demanded, not one the narrative
// reaches: the days reckoned after it count from the narrative's day.
func TestADeadlineMovesNoNarrative(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 26 August 1896 the Zembrian admiral delivered an ultimatum: the sultan was to leave the palace by 09:00 on 27 August, or the ships would open fire. At 08:00 the next morning a messenger asked for a parley.\n\nLater that morning the Zembrian ships opened fire on the Ostran palace.",
			[]string{"1896-08-27/1896-08-27"}},
		{"", "On 12 March 1911 the Zembrian government demanded that Ostra must evacuate the valley by 20 March. Two days later Zembrian troops attacked the Ostran posts at Tesh.",
			[]string{"1911-03-14/1911-03-14"}},
		// Nor does a time something was due or expected.
		{"", "On 4 March 1836 the Zembrian officers urged the general to wait for the siege guns due on 7 March. His orders, issued the next afternoon, sent the Zembrian columns against the Ostran fort at Vel.",
			[]string{"1836-03-05/1836-03-05"}},
		{"", "On 4 March 1836 the Zembrian officers urged the general to wait for the siege guns, expected on 7 March. His orders, issued the next afternoon, sent the Zembrian columns against the Ostran fort at Vel.",
			[]string{"1836-03-05/1836-03-05"}},
		// Nor does the time of a course chosen, in its infinitive's
		// clause; a time after the clause that chose is the narrative's.
		{"", "On 19 July 1866 Zembrian ships shelled the Ostran forts at Vel. The admiral decided to try a landing at the cove on the following morning. That afternoon the forts fired back at the ships.",
			[]string{"1866-07-19/1866-07-19", "1866-07-19/1866-07-19"}},
		{"", "On 19 July 1866 Zembrian ships shelled the Ostran forts at Vel. The Ostran garrison, which had resolved to hold out, was attacked again on 21 July.",
			[]string{"1866-07-19/1866-07-19", "1866-07-21/1866-07-21"}},
		// Nor does a time aimed at.
		{"", "A third Zembrian assault, launched against the Ostran forts at Vel on 30 October 1904 in the hope of taking the town by the king's birthday on 3 November, was again repulsed.",
			[]string{"1904-10-30/1904-10-30"}},
		// A bound the narrative reached still moves it.
		{"", "On 12 March 1911 Zembrian troops attacked the Ostran posts at Tesh, and by 20 March they had taken the town. Two days later Ostran troops attacked the Zembrian camp at Vel.",
			[]string{"1911-03-12/1911-03-20", "1911-03-22/1911-03-22"}},
	})
}

// A season that holds the narrative's day ("in the summer heat" after 9
// August) leaves the narrative on that day: "the following day" after it
// is the 10th.
func TestACoarserTimeHoldingTheDayKeepsTheDay(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 9 August 1378 Zembrian troops attacked the Ostran camp at Vel. The Ostrans, worn out by a long march in the summer heat, were routed.\n\nOn the following day Ostran troops attacked the Zembrian garrison at Tesh.",
			[]string{"1378-08-09/1378-08-09", "1378-08-10/1378-08-10"}},
		{"", "On 9 August 1378 Zembrian troops attacked the Ostran camp at Vel. The Ostrans, worn out by a long march in the heat of summer, were routed.\n\nOn the following day Ostran troops attacked the Zembrian garrison at Tesh.",
			[]string{"1378-08-09/1378-08-09", "1378-08-10/1378-08-10"}},
		// A coarser time that does not hold it moves the narrative.
		{"", "On 9 August 1378 Zembrian troops attacked the Ostran camp at Vel. In the autumn Ostran troops attacked the Zembrian garrison at Tesh.",
			[]string{"1378-08-09/1378-08-09", "1378/1378"}},
	})
}

// A siege or a defence told going on since a time ("had been invested
// since mid-August", "had held out since early November") began then;
// a time since which something other than the fighting went on dates
// nothing.
func TestAFightGoingOnSinceATimeBeganThen(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 4 August 1870 Zembrian troops attacked the Ostran border town of Tesh. Further east, Vel had been invested since mid-August by a Zembrian corps, which bombarded the city. On 28 September the Ostran general surrendered the fortress.",
			[]string{"1870-08-04/1870-08-04", "1870-08/1870-09-28"}},
		{"", "Vel, whose Ostran garrison had held out since early November 1870, surrendered to the Zembrians on 18 February 1871.",
			[]string{"1870-11/1871-02-18"}},
		{"", "On 1 February 1871 Zembrian troops attacked the Ostran border town of Tesh. Vel, whose Ostran garrison had held out since early November 1870, surrendered to the Zembrians on 18 February.",
			[]string{"1871-02-01/1871-02-01", "1870-11/1871-02-18"}},
		{"", "The two states had disputed the valley since 1919, and on 3 May 1921 Zembrian troops attacked the Ostran post at Vel.",
			[]string{"1921-05-03/1921-05-03"}},
	})
}

// A day told back in the pluperfect ("which had been holed the day
// before") dates what had happened, not the sentence's fight.
func TestADayToldBackInThePluperfectDatesNoFight(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 27 May 1905 Zembrian cruisers attacked the Ostran squadron off Vel.\n\nOn 28 May the Ostran admiral surrendered his last ships to the Zembrians. In the morning the Ostran cruiser Tesh, which had been holed the day before, was overtaken by two Zembrian cruisers and sunk off the cape.",
			[]string{"1905-05-27/1905-05-27", "1905-05-28/1905-05-28"}},
		// Reported, "had" is the tense moved back, and the day the
		// fight's.
		{"", "On 3 August 2007 Ostran militants ambushed a Zembrian patrol on the road to Vel. The Zembrian army said it had killed nine militants in a raid on a camp near Tesh two days later.",
			[]string{"2007-08-03/2007-08-03", "2007-08-05/2007-08-05"}},
	})
}

// A year that names a thing ("the ceasefire line of 1967") years from
// the narrative's day dates nothing told.
func TestAYearThatNamesAThingDatesNothing(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Between 8 and 10 October 1973 two Zembrian divisions counter-attacked on the plateau. In three days of hard fighting they drove back the Ostran armour, and by the evening of 10 October the Ostrans had been pushed back to the ceasefire line of 1967.",
			[]string{"1973-10-08/1973-10-10"}},
		// A year of a time is a time.
		{"", "Between 8 and 10 October 1973 two Zembrian divisions counter-attacked on the plateau. For the first ten months of 1975 Ostran troops attacked the Zembrian posts at Vel.",
			[]string{"1973-10-08/1973-10-10", "1975/1975"}},
		// A year that opens its sentence is the narrative's.
		{"", "Between 8 and 10 October 1973 two Zembrian divisions counter-attacked on the plateau. In 1975 Ostran troops attacked the Zembrian posts at Vel.",
			[]string{"1973-10-08/1973-10-10", "1975/1975"}},
	})
}

// Fighting a paragraph opens on another front ("In the south, …") by a
// body of troops is a clash of its own on the narrative's day, though it
// names no party or place.
func TestFightingOnAnotherFrontByATroopIsAClash(t *testing.T) {
	tab := loadActors(t)
	const head = "= October War =\n\nInfobox\n- Conflict: October War\n- Date: 6–25 October 1973\n- Combatant1: Zembria\n- Combatant2: Ostra\n\nThe October War was fought in October 1973.\n\n==Plateau==\nOn 6 October 1973 Zembrian tanks attacked the Ostran posts on the plateau at Vel.\n\n"
	for _, tt := range []struct {
		body string
		want int
	}{
		{"In the south, where the ground was more open, the 7th Brigade was overwhelmed.\n", 2},
		{"In the south, where the ground was more open, the houses were burned.\n", 1},
	} {
		if evs := articleEvents(t, tab, head+tt.body); len(evs) != tt.want {
			t.Errorf("%q: %d clashes, want %d", tt.body, len(evs), tt.want)
		}
	}
}

// A fight known by its time ("the summer offensive") is one told
// before, not a clash of the sentence's own.
func TestAFightKnownByItsTimeIsOneToldBefore(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In the summer of 1917 Zembrian armies attacked the Ostran line on the river.\n\nIn October the sector at Vel was held by the Ostran Second Army. Its divisions were still deployed far forward after the summer offensive, with few reserves behind them.",
			[]string{"1917/1917"}},
	})
}

// Days of fighting counted back from a later date ("After two days of
// fighting … on 25 May") that reach the clash told before are that
// clash's, which they end, whatever else the sentence tells; days that
// reach no clash told, or reach it at another place, open one of their
// own.
func TestDaysOfFightingCountedBackEndTheClashTheyReach(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 23 May 1911 the Zembrian army attacked on the central front around Vel. After two days of fighting its troops entered the town, and on 25 May the Ostran government announced that it was leaving the valley.",
			[]string{"1911-05-23/1911-05-25"}},
		{"", "On 9 March 1640 Ostran horsemen fell on the Zembrian camp at Tesh. After three days of fighting the Zembrians gave up the camp on 11 March, and the Ostran king thanked his officers.",
			[]string{"1640-03-09/1640-03-11"}},
		{"", "On 2 October 1822 Zembrian troops raided the Ostran post at Vel. After three days of hard fighting the Ostrans stormed the Zembrian fort at Tesh on 20 October.",
			[]string{"1822-10-02/1822-10-02", "1822-10-18/1822-10-20"}},
		// Days told first and a date after them ("For six days … until
		// … on 26 January") count from the clash's first day to the date.
		{"", "The first Zembrian attack on Vel opened on 20 January 1933. For six days Zembrian infantry struggled forward through the scrub in front of the Ostran trenches, until the general called off the assault on 26 January.",
			[]string{"1933-01-20/1933-01-26"}},
		{"", "On 20 January 1933 Zembrian infantry attacked the Ostran trenches at Vel. On 21 January they fought the Ostrans at Tesh for two days.",
			[]string{"1933-01-20/1933-01-20", "1933-01-21/1933-01-22"}},
		// Nor do days that reach it at another place.
		{"", "On 2 October 1822 Zembrian troops attacked the Ostrans at Vel. After two days of fighting around the city, the Zembrians took Tesh on 4 October.",
			[]string{"1822-10-02/1822-10-02", "1822-10-03/1822-10-04"}},
	})
}

// A time told as what was not done ("rather than wait until the
// following morning", "neither side renewed the fight over the next two
// days") dates nothing; a time told in a clause of its own after ", and"
// is done.
func TestATimeNotWaitedForDatesNothing(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On the afternoon of 13 January 1849 the Zembrian general reached the ford and attacked the Ostran lines at once rather than wait until the following morning. By nightfall the Zembrians held the field.",
			[]string{"1849-01-13/1849-01-13"}},
		{"", "On 13 January 1849 the Zembrians attacked the Ostran lines at the ford instead of waiting until the next day.",
			[]string{"1849-01-13/1849-01-13"}},
		// A clause after ", and" is told as done: its date dates it.
		{"", "On 19 September 1792 the Zembrian army reached Vel. Its king chose to march on the Ostran camp at once rather than wait for his guns, and early on 20 September his columns attacked the Ostran camp.",
			[]string{"1792-09-20/1792-09-20"}},
		// Nor does a fight no side renewed.
		{"", "On 22 July 1805 the Zembrian squadron attacked the Ostran fleet off the cape. Neither side renewed the fight over the next two days.",
			[]string{"1805-07-22/1805-07-22"}},
	})
}

// Men killed tell a fight; men who died of thirst, cold or sickness do
// not, though men who died of their wounds do.
func TestDeathsOfHardshipTellNoClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 4 May 1790 some 300 Zembrian soldiers were killed near the ford.", []string{"1790-05-04/1790-05-04"}},
		{"", "In May 1790 some 40 Zembrian soldiers died of fever in the camp by the ford.", nil},
		{"", "In May 1790 several thousand Zembrian soldiers died of thirst in the scrub by the ford.", nil},
		{"", "In May 1790 about 200 Ostran soldiers perished in the snow by the ford.", nil},
		{"", "On 4 May 1790 some 30 Ostran soldiers died of their wounds near the ford.", []string{"1790-05-04/1790-05-04"}},
	})
}

// Every form of a verb of fighting the lexicon lists tells fighting:
// "duelled" and "dueled" as "duel" and "duels" do; "beat" and
// "vanquished" as "defeated", their synonym, does.
func TestInflectedFightVerbs(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 11 October 1746 the Zembrian army beat the Ostrans again at Rocoux.", []string{"1746-10-11/1746-10-11"}},
		{"", "On 11 October 1746 the Zembrians vanquished an Ostran army at Rocoux.", []string{"1746-10-11/1746-10-11"}},
		{"", "On 6 October 1884 a small Zembrian column had beaten an Ostran force at Lam.", []string{"1884-10-06/1884-10-06"}},
		{"", "On 4 May 1790 Zembrian artillery and Ostran mortars duelled across the ford.", []string{"1790-05-04/1790-05-04"}},
		{"", "On 4 May 1790 Zembrian and Ostran batteries dueled across the ford for two hours.", []string{"1790-05-04/1790-05-04"}},
	})
}

// A date in an aside that tells what had happened before ("which had been
// reinforced in April 1790") does not date the clash; one in an aside in
// the simple past ("which fell on 9 May") goes on with it.
func TestADateInAPastPerfectAsideIsNotTheClashs(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "The Ostran garrison at the ford, which had been reinforced in April 1790, was attacked by Zembrian troops on 4 May.", []string{"1790-05-04/1790-05-04"}},
		{"", "The Ostran general, who had taken command on 1 April 1790, attacked the Zembrian camp on 4 May.", []string{"1790-05-04/1790-05-04"}},
		{"", "On 4 May 1790 the Zembrians attacked the Ostran fort, which fell on 9 May, and took 300 prisoners.", []string{"1790-05-04/1790-05-09"}},
	})
}

// "This offensive" at a sentence's start names no clash; "Operation Badr"
// after it does.
func TestADeterminerOpensNoName(t *testing.T) {
	tab, c := twoSided(t, "Iran", "Iraq")
	text := "On 11 March 1985 Iranian troops attacked Iraqi positions in the marshes. This offensive, Operation Badr, failed with heavy losses."
	if got := namedDates(clashesUnder(t, tab, c, "1985", text), false); got != "1985-03-11 Operation Badr" {
		t.Errorf("clashes %q, want the one of 11 March 1985 named Operation Badr", got)
	}
}

// A side giving up as long after the attack as the sentence says it held
// out runs the clash to the surrender, though it is more than a week on;
// a surrender weeks later with no such length does not.
func TestHoldingOutRunsTheClashToTheSurrender(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 3 March 1921 Ostran troops crossed the Kor and attacked the Zembrian outposts. The Zembrian garrison of Vel held out for nine days before surrendering on 12 March.", []string{"1921-03-03/1921-03-12"}},
		{"", "On 3 March 1921 Ostran troops crossed the Kor and attacked the Zembrian outposts. The Zembrian garrison of Vel surrendered on 12 March after holding out for nine days.", []string{"1921-03-03/1921-03-12"}},
		{"", "On 3 March 1921 Ostran troops crossed the Kor and attacked the Zembrian outposts. The Zembrian garrison of Vel surrendered on 30 March.", []string{"1921-03-03/1921-03-03"}},
	})
}

// Fighting told with an adverb of frequency, or for a time as long as
// decades, over a period longer than a month is a tally of clashes, not
// one; on a day, or within a month, it is a clash.
func TestRepeatedFightingOverAPeriodIsNoClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In 1919 and 1920 Zembrian and Ostran border guards clashed repeatedly along the Kor.", nil},
		{"", "Throughout 1920 Ostran patrols frequently raided Zembrian villages near Vel.", nil},
		{"", "On 4 May 1920 Ostran guns repeatedly shelled the Zembrian town of Vel.", []string{"1920-05-04/1920-05-04"}},
		{"", "In May 1920 Ostran patrols frequently raided Zembrian villages near Vel.", []string{"1920-05/1920-05"}},
		// A time as long, later in the clause, is such a period too.
		{"", "In the spring of 1223 the princes met at Vel. Though Zembrians and Ostrans had been fighting each other on and off for two centuries, they agreed to march together.", nil},
		{"", "In the spring of 1223 the princes met at Vel. Zembrian raiders had attacked the Ostran frontier for decades.", nil},
		// An adverb of frequency reaches only the words beside it.
		{"", "On 1 January 1988 the Zembrian army attacked the Ostran hill positions near Vel, losing many men to mines repeatedly laid by the defenders.", []string{"1988-01-01/1988-01-01"}},
	})
}

// A clash told by its noun that "began" on a date of its own opens there
// ("The siege of Kars began on 2 June 1855"), though "the" makes it read
// like a clash told before.
func TestAClashThatBeganOnADateOpensThere(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "The siege of Karvo began on 3 November 1912, when Zembrian troops closed the ring around the fortress.", []string{"1912-11-03/1912-11-03"}},
		{"", "The battle of the Velm Heights started on 20 September 1912.", []string{"1912-09-20/1912-09-20"}},
		{"", "The siege began on 3 November 1912.", []string{"1912-11-03/1912-11-03"}},
		{"", "The siege of Karvo was described in the Zembrian press on 3 November 1912.", nil},
	})
}

// "met", "ran into", "charged" and "caught" tell a fight when what was
// met is a body of troops or a warship, or those who met are; not a
// meeting with a person, the commanders of armies meeting, "was met
// with", "in charge of", nor "charged with".
func TestMeetingAnArmyIsAFight(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 22 October 1912 the Zembrian Third Army met the Ostran eastern army near Karvo.", []string{"1912-10-22/1912-10-22"}},
		{"", "On 22 October 1912 the two armies met again near Karvo.", []string{"1912-10-22/1912-10-22"}},
		{"", "On 22 October 1912 a Zembrian column encountered Ostran troops at the ford.", []string{"1912-10-22/1912-10-22"}},
		{"", "On 22 October 1912 the Zembrian envoy met the Ostran army commander at Karvo.", nil},
		// What was met ends at an adverb of place or "and"; a purpose
		// after the verb met nothing.
		{"", "On 7 October 1683 the Zembrian vanguard ran into a strong Ostran force there and fell back to the river.", []string{"1683-10-07/1683-10-07"}},
		{"", "On 24 September 1066 the Zembrian king halted to marshal his troops and gather news of the Ostrans.", nil},
		// The armies' commanders meeting are no armies meeting.
		{"", "On 6 June 1912 the corps commanders of the two armies met at Karvo and agreed on a pull-back.", nil},
		{"", "On 22 October 1912 the Zembrian proposal was met with scorn by Ostran army detachments.", nil},
		{"", "Early on 24 June 1866 the Zembrian cavalry charged the Ostran columns near Villafranca.", []string{"1866-06-24/1866-06-24"}},
		{"", "Early on 24 June 1866 the leading Zembrian divisions ran into Ostran troops on the hills.", []string{"1866-06-24/1866-06-24"}},
		{"", "On 24 June 1866 the Zembrian general in charge of training the army forces was replaced.", nil},
		{"", "On 24 June 1866 an Ostran officer was charged with the murder of two Zembrian soldiers.", nil},
		// "caught" in its sense of coming upon (WordNet's catch): a unit
		// or a warship caught is attacked; a fire, a fever or sight of
		// the coast caught is no fight.
		{"", "On 6 January 1839 the Zembrian advance guard caught the Ostran rearguard at the bridge.", []string{"1839-01-06/1839-01-06"}},
		{"", "On 9 August 1914 two Zembrian cruisers caught the small cruiser Velm off Dolno.", []string{"1914-08-09/1914-08-09"}},
		{"", "On 12 May 1017 the Zembrian emperor caught the Ostran army encamped at Setina.", []string{"1017-05-12/1017-05-12"}},
		{"", "On 9 August 1914 the Zembrian flagship caught fire off Dolno.", nil},
		{"", "On 9 August 1914 the Zembrian lookouts caught sight of the Ostran coast.", nil},
		// What was met ends at a preposition: "privateers under Blanchet".
		{"", "On 12 January 1839 the Zembrian squadron, three ships, met four Ostran privateers under a French captain off the coast.", []string{"1839-01-12/1839-01-12"}},
		// Held up by a body of troops is stopped by them, a date between;
		// by the weather it is not.
		{"", "The Zembrian advance was delayed on 15 November 1632 by an Ostran rearguard of dragoons at the stream.", []string{"1632-11-15/1632-11-15"}},
		{"", "The Zembrian advance was delayed on 15 November 1632 by heavy rain at the stream.", nil},
		// One's own troops halted or met are no enemy met.
		{"", "On 1 September 1898 the Ostran king halted his army for the night on the plain.", nil},
		{"", "On 1 September 1898 the Ostran king met his main army at the ford.", nil},
		// A noun of people before a unit is the unit's adjective.
		{"", "From 20 to 24 February 1958 Zembrian columns swept the desert and destroyed the last rebel bands in the south.", []string{"1958-02-20/1958-02-24"}},
		{"", "On 3 December 1824 the Zembrian vanguard caught the rebel rearguard as it crossed the ravine.", []string{"1824-12-03/1824-12-03"}},
		// An armed band met is a fight too; a person met is not.
		{"", "On 8 April 1873 the Zembrian troops went ashore and met Ostran rebels in the groves behind the beach.", []string{"1873-04-08/1873-04-08"}},
		// Resistance met is armed men met; none met is no fight. Those
		// who resisted fought.
		{"", "On 18 December 1961 the Zembrian paratroopers met scattered resistance from Ostran rearguards near Karvo.", []string{"1961-12-18/1961-12-18"}},
		{"", "On 18 December 1961 the Zembrian paratroopers met no resistance on the road to Karvo.", nil},
		{"", "On 18 December 1961 the Zembrian column was resisted for two hours by an Ostran unit at Karvo.", []string{"1961-12-18/1961-12-18"}},
		{"", "On 18 December 1961 the Ostran garrison at Karvo resisted the Zembrian paratroopers until noon.", []string{"1961-12-18/1961-12-18"}},
	})
}

// A sentence that marches on one date and fights on another is dated by
// its fighting; one that fights on both runs from the first.
func TestTheFightingsOwnClauseDatesTheClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "The Zembrian Third Army crossed the frontier on 18 October 1912 and met the Ostran army near Karvo on 22 October.", []string{"1912-10-22/1912-10-22"}},
		{"", "The Zembrian army crossed the frontier on 18 October 1912 and then attacked Karvo on 22 October.", []string{"1912-10-22/1912-10-22"}},
		{"", "On 18 October 1912 the Zembrian army crossed the frontier, and on 22 October it attacked Karvo.", []string{"1912-10-22/1912-10-22"}},
		{"", "Zembrian troops took Karvo on 17 April 1919 and recaptured Dolno on 19 April.", []string{"1919-04-17/1919-04-19"}},
		{"", "The war began on 23 August 1958 with air and naval engagements between Zembria and Ostra, and ended in November.", []string{"1958-08-23/1958-11"}},
		// A time before the opening date looks back: "the previous year".
		{"", "On 12 January 1879 the Zembrian column attacked the homestead of the Ostran chief whose sons had killed two herdsmen the previous year.", []string{"1879-01-12/1879-01-12"}},
		{"", "In early July 1937, despite the fall of Dolno in June 1937, the Zembrian army launched a strong offensive against Ostran lines at Karvo.", []string{"1937-07/1937-07"}},
	})
}

// A clash dated by reckoning ("A week later") takes the dates the text
// then gives outright for it; a date far from the reckoned one is
// another clash's.
func TestDatesGivenOutrightReplaceReckonedOnes(t *testing.T) {
	const first = "On 22 October 1912 the Zembrian army attacked the Ostrans near Karvo. "
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", first + "A week later the two armies fought again near Dolno. The battle lasted from 28 October to 2 November.",
			[]string{"1912-10-22/1912-10-22", "1912-10-28/1912-11-02"}},
		{"", first + "A week later the two armies fought again near Dolno. The fighting went on from 29 October to 2 November.",
			[]string{"1912-10-22/1912-10-22", "1912-10-29/1912-11-02"}},
		{"", "On 28 October 1912 the two armies fought near Dolno. The battle lasted from 25 October to 2 November.",
			[]string{"1912-10-28/1912-11-02"}},
	})
}

// An encirclement is a siege of a force in the field: it runs until the
// day the text says it lasted to, though a when-clause follows.
func TestAnEncirclementRunsAsLongAsItLasted(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Zembrian ski troops cut the road on 11 December 1939, and the Ostran division was encircled. The encirclement lasted until 8 January 1940, when the remnants broke out across the lake.",
			[]string{"1939-12-11/1940-01-08"}},
		{"", "On 11 December 1939 Zembrian troops attacked the Ostran camp. The fighting lasted until 14 December, when the camp fell.",
			[]string{"1939-12-11/1939-12-14"}},
	})
}

// Fighting said to go on until the war's armistice neither opens a clash
// of the armistice's day nor stretches the one before to it.
func TestFightingGoingOnUntilTheArmisticeIsNoNewClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Between 28 February and 2 March 1940 Ostran troops crossed the frozen bay and attacked the Zembrian positions. Fighting for Karvo was still going on when the armistice came into force on 13 March.",
			[]string{"1940-02-28/1940-03-02"}},
		{"", "On 2 March 1940 Ostran troops attacked Karvo. Fighting for Karvo continued until the armistice of 5 March.",
			[]string{"1940-03-02/1940-03-02"}},
	})
}

// The losses of a withdrawal over the days after a clash go on with it:
// "fell back over the next week, losing about 200 men".
func TestLossesOfAWithdrawalOverTheNextDays(t *testing.T) {
	ev := oneClash(t, "On 30 November 1939 Ostran troops crossed the border and shelled the Zembrian villages near Karvo. The Zembrian covering troops fell back over the next week, losing about 200 men.")
	if got := ev.DateStart.String() + ".." + ev.DateEnd.String(); got != "1939-11-30..1939-12-07" {
		t.Errorf("dates %s, want 1939-11-30..1939-12-07", got)
	}
	if got := sideCounts(ev, "Zembria"); got != "200/-/-" {
		t.Errorf("Zembria %s, want 200/-/-", got)
	}
}

// A clash whose opening sentence names its attackers only by their arm
// ("the infantry attacked") was fought by the side the sentence before
// named; "the enemy" is the other side.
func TestTheInfantryIsTheSideNamedBefore(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	for _, tt := range []struct{ text, want string }{
		{"On 1 May 1790 the Ostrans opened a bombardment of the Zembrian lines. On 4 May the infantry attacked; 40 of the attackers were killed.", "Ostra 40"},
		{"On 1 May 1790 the Ostrans opened a bombardment of the Zembrian lines. On 4 May the enemy attacked; 40 of the attackers were killed.", "Zembria 40"},
	} {
		evs := clashesUnder(t, tab, c, "Fighting", tt.text)
		if len(evs) != 2 {
			t.Errorf("%q: %d clashes, want 2", tt.text, len(evs))
			continue
		}
		if got := strings.Join(evs[1].SideA, "+") + " " + low(evs[1].DeathsA); got != tt.want {
			t.Errorf("%q: second clash's side_a and its dead %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A clause after the fighting that tells the war's end dates no part of
// the clash; one that tells more fighting does.
func TestTheWarsEndAfterAClashIsNotItsDate(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "The Zembrian fleet was defeated at Lissa on 20 July 1866, and the war ended with a treaty in October.", []string{"1866-07-20/1866-07-20"}},
		{"", "The Zembrian fleet was defeated at Lissa on 20 July 1866; an armistice followed on 12 August.", []string{"1866-07-20/1866-07-20"}},
		{"", "The Zembrian fleet was defeated at Lissa on 20 July 1866, and the fighting went on until 22 July.", []string{"1866-07-20/1866-07-22"}},
	})
}

// Under a heading of one year, a month told after a later one goes back
// in that year (the narrative turns to another front); without such a
// heading, or a month just past the year's turn, it rolls on, unless it
// lies only a month or two back.
func TestAMonthBackUnderAYearHeadingStaysInTheYear(t *testing.T) {
	sides := [2]string{"Zembria", "Ostra"}
	checkClashDates(t, sides, []clashDates{
		{"1790", "On 1 August 1790 Ostran troops stormed the Zembrian camp at Karvo. At sea, on 5 July, the Ostran fleet had attacked the Zembrian squadron off Pelm.",
			[]string{"1790-08-01/1790-08-01", "1790-07-05/1790-07-05"}},
		{"Campaign of 1790", "On 1 August 1790 Ostran troops stormed the Zembrian camp at Karvo. Further south, the Ostran fleet attacked the Zembrian squadron off Pelm on 26–27 September.",
			[]string{"1790-08-01/1790-08-01", "1790-09-26/1790-09-27"}},
		{"1790", "On 12 December 1790 Ostran troops stormed the Zembrian camp at Karvo. In January the Zembrians attacked the Ostran posts at Pelm.",
			[]string{"1790-12-12/1790-12-12", "1791-01/1791-01"}},
		// A month or two back stays in the year under any heading (see
		// timex's findRollGap); three or more back rolls on.
		{"1790–1791", "On 1 August 1790 Ostran troops stormed the Zembrian camp at Karvo. In July the Zembrians attacked the Ostran posts at Pelm.",
			[]string{"1790-08-01/1790-08-01", "1790-07/1790-07"}},
		{"1790–1791", "On 1 August 1790 Ostran troops stormed the Zembrian camp at Karvo. In April the Zembrians attacked the Ostran posts at Pelm.",
			[]string{"1790-08-01/1790-08-01", "1791-04/1791-04"}},
	})
}

// A withdrawal told after the fighting, in a clause with a date of its
// own, is no part of the clash: the side left the field.
func TestAWithdrawalAfterTheFightIsNotItsDate(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "The main Zembrian army crossed the river in June 1773 and closed on Karvo, but its attack on the outer forts on 29 June was thrown back, and Tesk withdrew to the left bank in early July.",
			[]string{"1773-06-29/1773-06-29"}},
		{"", "On 29 June 1773 Zembrian troops attacked the Ostran forts at Karvo; on 3 July the Ostrans retreated to Pelm.",
			[]string{"1773-06-29/1773-06-29"}},
		{"", "On 29 June 1773 Zembrian troops attacked the Ostran forts at Karvo, and on 3 July they attacked again.",
			[]string{"1773-06-29/1773-06-29", "1773-07-03/1773-07-03"}},
		{"", "On 29 June 1773 Zembrian troops attacked the Ostran forts at Karvo, while on 3 July Ostran horsemen raided the Zembrian camp at Pelm.",
			[]string{"1773-06-29/1773-06-29", "1773-07-03/1773-07-03"}},
	})
}

// A clash told by its season is dated to the season's year: ISO dates
// have no seasons, and the months of one are a reading, not the text's.
func TestASeasonDatesAClashToItsYear(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In the summer of 1790 Ostran troops besieged the Zembrian fort at Karvo.", []string{"1790/1790"}},
		{"", "Late in the summer of 191 BC the Ostran fleet attacked the Zembrian squadron off Pelm.", []string{"-0191/-0191"}},
		{"", "During the winter of 1790–91 Ostran raiders attacked the Zembrian posts along the river.", []string{"1790/1791"}},
		{"", "In 1790 the Zembrians took Karvo. The next spring Ostran troops attacked the Zembrian garrison at Pelm.", []string{"1790/1790", "1791/1791"}},
		{"", "In July 1790 Ostran troops besieged the Zembrian fort at Karvo.", []string{"1790-07/1790-07"}},
	})
}

// Phrasal verbs of attack (WordNet's "set upon", "turn on"; "move",
// "march" and "advance against") tell fighting; the same verbs with
// another preposition do not.
func TestPhrasalVerbsOfAttackTellFighting(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Before dawn on 1 August 1770 the Zembrian squares moved against the Ostran camp.", []string{"1770-08-01/1770-08-01"}},
		{"", "On 3 May 1770 Zembrian horsemen set upon an Ostran convoy near the ford.", []string{"1770-05-03/1770-05-03"}},
		{"", "On 3 May 1770 the Zembrian regent turned on his Ostran allies at Karvo.", []string{"1770-05-03/1770-05-03"}},
		{"", "On 3 May 1770 an Ostran corps marched against the Zembrian lines at Pelm.", []string{"1770-05-03/1770-05-03"}},
		{"", "In July 1014 the Zembrian army reached the Ostran rampart and battered at it for days.", []string{"1014-07/1014-07"}},
		{"", "On 3 May 1770 the Zembrian army moved towards the Ostran border.", nil},
		{"", "On 3 May 1770 the Zembrian envoys marched into the Ostran capital.", nil},
	})
}

// Captives taken tell a clash as the dead do ("some 40 prisoners were
// taken"); men who gave themselves up, or prisoners a treaty released,
// do not. Ships running past guns "under heavy fire" fought them.
func TestCaptivesTakenAndFireTellAClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 4 March 1868 Ostran soldiers hidden in canoes tried to board two Zembrian gunboats; some 40 prisoners were taken.", []string{"1868-03-04/1868-03-04"}},
		{"", "On 4 March 1868 twelve Ostran soldiers were captured near the ford.", []string{"1868-03-04/1868-03-04"}},
		{"", "On 19 February 1868 six Zembrian ironclads ran past the Ostran forts under heavy fire.", []string{"1868-02-19/1868-02-19"}},
		{"", "On 4 March 1868 some 1,200 Ostran soldiers surrendered to the Zembrian governor.", nil},
		{"", "In March 1868 the treaty secured the release of all 8,000 Zembrian prisoners.", nil},
	})
}

// "The siege lasted until …" after clashes fought during the siege ends
// the siege, however long it ran, not the clash told last.
func TestTheSiegeLastedUntilEndsTheSiege(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In July 1867 Zembrian troops began to close a ring around the Ostran fortress of Karvo. On 19 February 1868 six Zembrian gunboats ran past the batteries of Karvo under heavy fire. Two weeks later Ostran soldiers in canoes tried to board two of the gunboats; some 40 prisoners were taken. The siege lasted until 5 August 1868, when the last of the garrison capitulated.",
			[]string{"1867-07/1868-08-05", "1868-02-19/1868-02-19", "1868-03-04/1868-03-04"}},
		{"", "On 2 May 1790 Zembrian troops besieged the Ostran fort at Karvo. On 9 May the garrison made a sally and was driven back. The siege lasted until 30 June, when the fort surrendered.",
			[]string{"1790-05-02/1790-06-30", "1790-05-09/1790-05-09"}},
	})
}

// Fighting said to begin on a day, then told over days from that day,
// is one clash; another fight later that same day is another.
func TestFightingToldOutFromItsFirstDayIsOneClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "The worst fighting yet began on 4 February 2011. For four days, 4–7 February, Zembrian and Ostran gunners shelled each other's positions around the temple.",
			[]string{"2011-02-04/2011-02-07"}},
		{"", "Heavy fighting broke out on 4 February 2011. From 4 to 7 February Ostran guns shelled the Zembrian posts around the temple.",
			[]string{"2011-02-04/2011-02-07"}},
	})
}

// "Two weeks of hard fighting followed, and the last counter-attack was
// thrown back on 16 October" runs the operation told before to that day.
func TestWeeksOfFightingThatFollowedRunTheClashOn(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Operation Jaguar was launched on 2 October 1971. About 800 Zembrian soldiers seized the old airstrip at Jibjat. Two weeks of hard fighting followed around the new positions, and the last Ostran counter-attack was thrown back on 16 October.",
			[]string{"1971-10-02/1971-10-16"}},
		{"", "On 2 October 1971 Zembrian troops attacked the Ostran posts at Jibjat. Ten days of fighting ensued, and the last post fell on 12 October.",
			[]string{"1971-10-02/1971-10-12"}},
	})
}

// A side the clash leaves unnamed is the side's first belligerent and
// those of it that its paragraph named before.
func TestAnUnnamedSideIsTheOneTheParagraphNamed(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Sweden"}}, {Belligerents: []string{"Poland", "Danzig"}}}}
	for _, tt := range []struct{ text, want string }{
		{"The Danzig council refused the Swedish demand. On 2 August 1626 the city militia manned the earthworks. On 29 August a Swedish storming party tried to take the sconce at Weichselmünde.", "Sweden / Poland+Danzig"},
		{"The Polish king gathered his army. On 29 August 1626 a Swedish storming party tried to take the sconce at Weichselmünde.", "Sweden / Poland"},
		{"On 29 August 1626 a Swedish storming party tried to take the sconce at Weichselmünde.", "Sweden / Poland"},
	} {
		evs := clashesUnder(t, tab, c, "Fighting", tt.text)
		if len(evs) != 1 {
			t.Errorf("%q: %d clashes, want 1", tt.text, len(evs))
			continue
		}
		if got := strings.Join(evs[0].SideA, "+") + " / " + strings.Join(evs[0].SideB, "+"); got != tt.want {
			t.Errorf("%q: sides %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A state the infobox names only as a side's supporter is a party of a
// clash the prose shows it fighting; never its side's default.
func TestASupporterSeenFightingIsAParty(t *testing.T) {
	tab := loadActors(t)
	text := "On 14 October 1975 South Yemeni artillery firing from Hauf shelled the Omani position at Sarfait. On 20 October 1975 Omani troops attacked a rebel camp near Rakhyut."
	for _, tt := range []struct {
		supporters []string
		want       string
	}{
		{[]string{"South Yemen"}, "South Yemen / Oman; Oman / Dhofar Liberation Front"},
		{nil, "Oman / Dhofar Liberation Front"},
	} {
		c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Oman"}}, {Belligerents: []string{"Dhofar Liberation Front"}, Supporters: tt.supporters}}}
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "Fighting", text) {
			got = append(got, strings.Join(ev.SideA, "+")+" / "+strings.Join(ev.SideB, "+"))
		}
		if strings.Join(got, "; ") != tt.want {
			t.Errorf("supporters %q: clashes %q, want %q", tt.supporters, got, tt.want)
		}
	}
}

// Under a heading of one year, "The following year" that opens the
// section is the heading's year; later in the section it is the next.
// A year-wide date ("in the spring") does not stretch a clash dated to
// its month; a rising against a garrison is a clash.
func TestHeadingYearAndCoarseDates(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"1016", "The following year Zembrian troops laid siege to the Ostran fort at Pernik.", []string{"1016/1016"}},
		{"1016", "On 3 May 1016 Zembrian troops attacked the Ostran fort at Pernik. The following year Ostran troops attacked the Zembrian camp at Karvo.", []string{"1016-05-03/1016-05-03", "1017/1017"}},
		{"", "In February 1018 the Ostran king was killed while besieging the Zembrian port of Karvo. Tesk surrendered the fort at Pernik, and in the spring the Ostran queen gave herself up.", []string{"1018-02/1018-02"}},
		{"", "In the spring of 1015 the people of Vodena rose against their Ostran garrison.", []string{"1015/1015"}},
	})
}

// A fight word in -ing before a noun of people or of a capacity is an
// adjective ("fighting men", "fighting strength"): no clash.
func TestFightingMenTellNoFight(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On the night of 30 April 1941 some 9,000 Ostran soldiers dug in on the plateau overlooking Karvo. The base held roughly 2,250 fighting men.", nil},
		{"", "In May 1941 the Zembrian army rebuilt its fighting strength near Karvo.", nil},
		{"", "On 2 May 1941 heavy fighting broke out between Zembrian and Ostran troops near Karvo.", []string{"1941-05-02/1941-05-02"}},
	})
}

// A paragraph that opens with another party fighting at another place,
// with no date, is a clash of its own dated from the narrative, told
// once, not the paragraph before's clash going on; so is the same party
// at another named place, and at the same place it goes on. A place
// named as a border post ("the Holmec border crossing") is such another
// place.
func TestAnotherPartyElsewhereOpensItsOwnClash(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Velm Front", "Tesk Front"}}}}
	for _, tt := range []struct {
		text string
		want []string // each clash's first day and its evidence count
	}{
		{"On 18 December 1998 Velm fighters attacked Zembrian troops at Brazzaville.\n\nOn the day the Velm fighters entered the capital, Tesk fighters far to the west overran the Zembrian garrison of Nkayi.",
			[]string{"1998-12-18 1", "1998-12-18 1"}},
		{"On 18 December 1998 Velm fighters attacked Zembrian troops at Brazzaville.\n\nThe Velm fighters then overran the Zembrian garrison of Nkayi.",
			[]string{"1998-12-18 1", "1998-12-18 1"}},
		{"On 18 December 1998 Velm fighters attacked Zembrian troops at Brazzaville.\n\nThe Velm fighters then stormed the Zembrian barracks at Brazzaville.",
			[]string{"1998-12-18 2"}},
		{"On 18 December 1998 Velm fighters attacked Zembrian troops at Brazzaville.\n\nAt the Karvo border crossing on the northern frontier, Zembrian forces attacked the Tesk fighters who held the post. The post was taken after a short fight.",
			[]string{"1998-12-18 1", "1998-12-18 2"}},
		{"On 18 December 1998 Velm fighters attacked Zembrian troops at Brazzaville.\n\nAt the Karvo frontier post, Zembrian forces attacked the Tesk fighters who held it.",
			[]string{"1998-12-18 1", "1998-12-18 1"}},
	} {
		if got := daysAndEvidence(clashesUnder(t, tab, c, "Fighting", tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// daysAndEvidence gives each clash's first day and how many sentences
// tell it ("1998-12-18 2").
func daysAndEvidence(evs []annalist.Event) []string {
	var got []string
	for _, ev := range evs {
		got = append(got, fmt.Sprintf("%s %d", ev.DateStart, len(ev.Evidence)))
	}
	return got
}

// After a clash dated by the narrative alone, fighting told "on the same
// day" at other ground is a clash of its own; at the same ground, or
// with no fighting of its own, it dates the clash told.
func TestSameDayElsewhereAfterANarrativeClash(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Velm Front", "Tesk Front"}}}}
	const first = "On 18 December 1998 Velm fighters attacked Zembrian troops at Brazzaville.\n\nAt the Karvo border crossing, Tesk fighters attacked the Zembrian troops who held the post. "
	for _, tt := range []struct {
		text string
		want int
	}{
		{first + "On the same day, Tesk fighters fought a Zembrian detachment at Dolno.", 3},
		{first + "On the same day, Tesk fighters fought a Zembrian detachment at the Karvo border crossing.", 2},
		{first + "Later that day the garrison surrendered.", 2},
	} {
		if evs := clashesUnder(t, tab, c, "Fighting", tt.text); len(evs) != tt.want {
			t.Errorf("%q: %d clashes, want %d", tt.text, len(evs), tt.want)
		}
	}
}

// A month told without a year after a later one is read in the year the
// narrative is in when rolling on would pass the war's end: a section
// that steps back ("the garrison closed up in mid-March") after one that
// ended in July stays in the war's one year. A war that goes on into
// the next year rolls on as before.
func TestAMonthDoesNotRollPastTheWarsEnd(t *testing.T) {
	tab := loadActors(t)
	const text = "==Ford==\nOn 28 July 1921 Zembrian troops stormed the Ostran fort at the ford.\n\n==Ridge==\nOstran troops closed up to the ridge in mid-March. On 2 April they attacked the Zembrian redoubts on the ridge.\n"
	for _, tt := range []struct {
		end  annalist.Date
		want string
	}{
		{annalist.DayDate(1921, 10, 30), "1921-07-28 1921-04-02"},
		{annalist.YearDate(1921), "1921-07-28 1921-04-02"},
		{annalist.DayDate(1922, 6, 1), "1921-07-28 1922-04-02"},
	} {
		c := &annalist.Conflict{
			Start: annalist.DayDate(1921, 2, 1), End: tt.end,
			Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}},
		}
		a, err := plaintext.Read("x.txt", []byte("= X =\n\n"+text))
		if err != nil {
			t.Fatal(err)
		}
		evs, _ := Extract(a, c, tab)
		var got []string
		for _, ev := range evs {
			got = append(got, ev.DateStart.String())
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("war ending %s: clashes on %q, want %q", tt.end, g, tt.want)
		}
	}
}

// A war noun right after a fight word is what was fought ("fought a brief
// war"), background; after a preposition it is where the fight stands in
// the war ("the largest assault of the war"), which is a clash.
func TestAFightOfTheWarIsAClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 1 February 1988 three Zembrian battalions launched the largest assault of the war against the crest of Hill 1428.", []string{"1988-02-01/1988-02-01"}},
		{"", "On 3 May 1988 Zembrian and Ostran patrols fought the first skirmish of the war near Karvo.", []string{"1988-05-03/1988-05-03"}},
		{"", "In 1987 Ostran volunteers fought in the war beside the Zembrian rebels.", nil},
		// Nor is a fight whose fighters are denied.
		{"", "In 1987 Velmia sent weapons to Zembria, though no Velmian troops fought near Karvo.", nil},
		{"", "In 1992 Zembria and Ostra fought a brief war over the valley.", nil},
	})
}

// A sentence that sets the day without fighting ("On 10 April the general
// sent his columns against the mosque") belongs to the clash a sentence
// after it tells on that day, dated relative to it ("… after hours of
// close fighting that evening"): it is the clash's first evidence, and
// the parties are the fighting sentence's.
func TestTheSentenceThatSetsTheDayOpensItsClash(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	evs := clashesUnder(t, tab, c, "Landing", "On 10 April 1873 the Zembrian general sent his columns against the great mosque. "+
		"That evening Ostran riflemen stormed the Zembrian lines before the mosque, and 9 Zembrian soldiers were killed.")
	if len(evs) != 1 {
		t.Fatalf("%d clashes, want 1", len(evs))
	}
	ev := evs[0]
	if got := ev.DateStart.String(); got != "1873-04-10" {
		t.Errorf("date %s, want 1873-04-10", got)
	}
	if len(ev.Evidence) != 2 || !strings.HasPrefix(ev.Evidence[0].Text, "On 10 April") {
		t.Errorf("evidence %+v, want both sentences, the dating one first", ev.Evidence)
	}
	side := map[string]string{"Zembria": low(ev.DeathsA), "Ostra": low(ev.DeathsB)}
	if len(ev.SideA) == 1 && ev.SideA[0] == "Ostra" {
		side = map[string]string{"Zembria": low(ev.DeathsB), "Ostra": low(ev.DeathsA)}
	}
	if side["Zembria"] != "9" {
		t.Errorf("Zembrian dead %q (sides %v / %v), want 9", side["Zembria"], ev.SideA, ev.SideB)
	}
}

// A sentence that sums up a month's fighting is an overview when a clash
// of a day within it is told after it; a party's claim of fighting on a
// day ("Ostran radio claimed that …") is no such clash.
func TestAClaimedFightDoesNotMakeAnOverview(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Throughout January 1988 the two armies traded artillery fire across the ridge. On 30 January Ostran radio claimed that Zembrian guns had fired 10,000 shells into the district.", []string{"1988-01/1988-01"}},
		{"", "Throughout January 1988 the two armies traded artillery fire across the ridge. On 30 January Zembrian guns shelled Dolno.", []string{"1988-01-30/1988-01-30"}},
	})
}

// "invest" besieges a place it takes as its object (WordNet's besiege,
// invest), not money spent "in" something nor powers one is "invested
// with"; a breach and the white flag within the siege end it there, and
// the assault columns formed for a storm that never came are no clash.
func TestAnInvestedPlaceIsBesiegedUntilItsWhiteFlag(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Zembrian troops invested the Ostran fortress of Karvo on 20 March 1864. By 9 May a breach had been opened in the walls, and on the following day, with the assault columns already formed, the Ostran governor hoisted the white flag.", []string{"1864-03-20/1864-05-10"}},
		{"", "On 2 June 1864 the Zembrian army began to invest Dolno, held by an Ostran garrison.", []string{"1864-06-02/1864-06-02"}},
		{"", "In 1864 the Zembrian government invested heavily in the Ostran railway.", nil},
		{"", "In 1864 the Zembrian council was invested with extraordinary powers against Ostra.", nil},
	})
}

// "the exchange of fire that followed" is the sentence's own fight, told
// as what came of the action before it; "the exchange of fire" alone
// refers to one told earlier.
func TestTheFightThatFollowedIsTheSentencesOwn(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 6 May 1998 a small party of Zembrian soldiers entering the valley was challenged by Ostran militia, and in the exchange of fire that followed several Zembrian officers were killed.", []string{"1998-05-06/1998-05-06"}},
		{"", "On 6 May 1998 a Zembrian patrol entering the valley was stopped by Ostran militia, and in the skirmish which ensued two Ostran guards were wounded.", []string{"1998-05-06/1998-05-06"}},
	})
}

// A clash dated a step on from one told to its month only ("The following
// week", "Ten days later") is a later clash of its own, though the month
// holds both; fighting that goes on then is the same clash.
func TestALaterTimeAfterAClashOfAMonthOpensAnother(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In early June 1640 two Zembrian yachts fought an Ostran galliot off Karvo and took it. The following week a frigate and two sloops came out of the harbour to drive the blockaders off, but they were beaten back.",
			[]string{"1640-06/1640-06", "1640-06/1640-06"}},
		{"", "In March 1799 Zembrian troops stormed the redoubts at the ford. Ten days later the garrison made a sortie and attacked the besiegers' camp.",
			[]string{"1799-03/1799-03", "1799-03/1799-03"}},
		{"", "In March 1799 Zembrian troops stormed the Ostran redoubts at the ford. The following week the fighting continued around the ford.",
			[]string{"1799-03/1799-03"}},
	})
}

// A place told falling ("Vel fell on 8 March", "the last positions
// around Vel fell") within a week of a clash there ends that clash on
// that day; another place falling does not, and nor do men who fell or
// a column that fell back.
func TestAPlaceThatFellEndsTheClashThere(t *testing.T) {
	const attack = "On 3 March 1921 Ostran troops attacked Vel. "
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", attack + "The last positions around Vel fell on 8 March.", []string{"1921-03-03/1921-03-08"}},
		{"", attack + "The Zembrians held the ridges for days, and Vel fell on 8 March.", []string{"1921-03-03/1921-03-08"}},
		{"", attack + "The Zembrians held the ridges for days, and Dolno fell on 8 March.", []string{"1921-03-03/1921-03-03"}},
		{"", attack + "The Zembrian column fell back on 8 March.", []string{"1921-03-03/1921-03-03"}},
		// A garrison that came to terms gave up the fight as one that
		// surrendered did.
		{"", attack + "The Zembrian garrison of Vel accepted terms on 8 March.", []string{"1921-03-03/1921-03-08"}},
	})
}

// Troops moving on a place, told in the sentence that opens a paragraph,
// are the first evidence of the clash the next sentence opens (or that
// sentence's second clause): undated,
// or dated to a time that holds the clash's ("in the summer of 1846" for
// a battle of September 1846 holds its year); not dated to a time the
// clash lies outside of.
func TestTroopsMovingOnAPlaceOpenTheClashTheyFight(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Start: annalist.YearDate(1846), End: annalist.YearDate(1848), Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	for _, tt := range []struct{ text, first string }{
		{"A second Zembrian column advanced from Tesh along the valley to Vel. It met Ostran screening forces near the border on 4 May 1846.", "A second Zembrian column"},
		{"Reinforced by volunteers, the Zembrian army advanced in the summer of 1846 on Vel, the Ostran stronghold in the north. The battle lasted from 21 to 24 September 1846. Zembrian divisions stormed the town from two sides.", "Reinforced by volunteers"},
		{"On 2 March 1846 the Zembrian army marched on Vel, the Ostran stronghold in the north. The battle lasted from 21 to 24 September 1846. Zembrian divisions stormed the town from two sides.", "The battle lasted"},
		// The clash may open in the second clause of the sentence after.
		{"The Zembrians then marched on Vel, the last Ostran stronghold on the road. Its garrison was called on to give up on 31 August 1846, and that night the Zembrian guns opened fire on the walls.", "The Zembrians then marched"},
	} {
		evs := clashesUnder(t, tab, c, "Fighting", tt.text)
		if len(evs) != 1 {
			t.Errorf("%q: %d clashes, want 1", tt.text, len(evs))
			continue
		}
		if got := evs[0].Evidence[0].Text; !strings.HasPrefix(got, tt.first) {
			t.Errorf("%q: first evidence %q, want it to start %q", tt.text, got, tt.first)
		}
	}
}

// A side leaving the field the day after a clash ends the clash, told
// with it, but does not move its end: a withdrawal never extends a
// clash's last day (issue 10). Fighting told going on into the night
// does, to the morning the attackers were gone. A retreat days later is
// a march of its own, and a day in another clause or beside another day
// is not the leaving's.
func TestASideLeavingTheFieldEndsTheClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Ostran troops stormed the Zembrian post at Karvo on 4 May 1871 and fought for it into the night. By dawn on 5 May the attackers had withdrawn.",
			[]string{"1871-05-04/1871-05-05"}},
		{"", "Ostran troops stormed the Zembrian post at Karvo on 4 May 1871. Short of powder, the Ostrans fell back across the river on 5 May.",
			[]string{"1871-05-04/1871-05-04"}},
		{"", "Ostran troops stormed the Zembrian post at Karvo on 4 May 1871. The Ostrans retreated to their own frontier on 9 May.",
			[]string{"1871-05-04/1871-05-04"}},
		{"", "Ostran troops stormed the Zembrian post at Karvo on 4 May 1871. The Ostrans withdrew in the night, and on 5 May the Zembrian governor rode into the ruins.",
			[]string{"1871-05-04/1871-05-04"}},
		{"", "Ostran troops stormed the Zembrian post at Karvo on 4 May 1871. That evening the Ostran colonel ordered a retreat, which the king approved the next day.",
			[]string{"1871-05-04/1871-05-04"}},
	})
}

// A place that falls, named by a definite noun alone ("The castle fell
// the following day"), is the one the clash was fought for: the clash
// runs until it fell. A place named otherwise is another.
func TestThePlaceToldBackFallsAtTheClashsEnd(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 12 June 1602 Zembrian troops laid siege to the Ostran castle at Velmar. The castle fell the following day.",
			[]string{"1602-06-12/1602-06-13"}},
		{"", "On 12 June 1602 Zembrian troops stormed the walls of Velmar. Two days later the walled town fell, and its governor was hanged.",
			[]string{"1602-06-12/1602-06-14"}},
		{"", "On 12 June 1602 Zembrian troops laid siege to the Ostran castle at Velmar. Kamen fell the following day.",
			[]string{"1602-06-12/1602-06-12"}},
	})
}

// A clash's end told outright ("the fighting there ended on 10 June",
// "the fighting for the town came to an end on 14 April") dates it, weeks
// on too; fighting that ends with no word of where, or under an
// armistice, is the war's.
func TestAClashsEndToldOutrightDatesIt(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 9 April 1920 Ostran irregulars attacked the Zembrian posts around Kamen. The struggle for the passes went on for two months, and the fighting there ended on 10 June.",
			[]string{"1920-04-09/1920-06-10"}},
		{"", "On 9 April 1920 Ostran troops attacked Kamen. The fighting for the town came to an end on 14 April.",
			[]string{"1920-04-09/1920-04-14"}},
		{"", "On 9 April 1920 Ostran troops attacked Kamen. The battle ended on 12 April with the town in Ostran hands.",
			[]string{"1920-04-09/1920-04-12"}},
		{"", "On 9 April 1920 Ostran troops attacked Kamen. On 10 June the fighting ceased under an armistice.",
			[]string{"1920-04-09/1920-04-09"}},
	})
}

// Fighting over the next few days, by the side that opened the clash and
// at no place of its own, goes on with the clash; at another place, over
// weeks, or by both sides, it is a stretch of its own.
func TestTheNextDaysFightingByTheSameSideGoesOn(t *testing.T) {
	const open = "On 15 May 1890 Ostran troops landed on Vel island and attacked the Zembrian garrison, and heavy fighting followed. "
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", open + "Over the next two days Ostran gunboats shelled the Zembrian positions while more troops came ashore.",
			[]string{"1890-05-15/1890-05-17"}},
		{"", open + "Over the next two days Ostran gunboats shelled the port of Kamen.",
			[]string{"1890-05-15/1890-05-15", "1890-05-16/1890-05-17"}},
		{"", open + "Over the next three weeks Ostran gunboats shelled the Zembrian positions.",
			[]string{"1890-05-15/1890-05-15", "1890-05-16/1890-06-05"}},
		{"", open + "Over the next two days both sides shelled each other's positions.",
			[]string{"1890-05-15/1890-05-15", "1890-05-16/1890-05-17"}},
	})
}

// A feature named after a state ("the Gulf of Mexico", "the Isthmus of
// Panama", "the Bay of Panama") is a place: the state is no party, and
// the clash is not another war's.
func TestAFeatureNamedAfterAStateIsAPlace(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	for _, tail := range []string{"the Gulf of Mexico", "the Isthmus of Panama", "the Bay of Panama"} {
		text := "On 9 July 1863 Zembrian troops stormed the Ostran fort at Vel.\n\n" +
			"Downstream, General Kell's army had been besieging Kamen since 22 May. When the news reached the garrison, its commander surrendered on 9 July, and the river lay open from its source to " + tail + "."
		if got, want := clashSides(clashesUnder(t, tab, c, "Fighting", text)), "Zembria / Ostra | Zembria / Ostra"; got != want {
			t.Errorf("%q: clashes %q, want %q", text, got, want)
		}
	}
}

// Fighting told after a clash as a thing known by its year ("The 1921
// fighting came months after …"), denied past a compound word ("no
// renewed large-scale fighting"), charged ("accused Zembria of attacking
// its posts") or dying down under a cease-fire tells no clash of its own.
func TestFightingReferredToLaterIsNoClash(t *testing.T) {
	const clash = "On 28 April 1921 Zembrian and Ostran border guards exchanged fire near the ford at Kamen.\n\n"
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", clash + "The 1921 fighting came a few months after the elections of October 1920 had brought a new government to power.",
			[]string{"1921-04-28/1921-04-28"}},
		{"", clash + "Talks resumed in the following months and went on through 1923, with occasional incidents but no renewed large-scale fighting.",
			[]string{"1921-04-28/1921-04-28"}},
		{"", clash + "On 2 May Ostra declared a day of mourning and accused Zembria of attacking its posts along the whole border.",
			[]string{"1921-04-28/1921-04-28"}},
		{"", clash + "On 1 May the two governments agreed on a cease-fire, after which the fighting died down.",
			[]string{"1921-04-28/1921-04-28"}},
		// Fighting of its own still opens a clash.
		{"", clash + "On 2 May Ostran troops attacked the Zembrian posts along the whole border.",
			[]string{"1921-04-28/1921-04-28", "1921-05-02/1921-05-02"}},
	})
}

// A plan told as a fight ("Vel's plan was a two-pronged attack") is no
// clash; the attack made is.
func TestAPlannedAttackIsNoClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In January 1767 the Zembrian king gave command to Vel. Vel's plan was a two-pronged attack on the Ostran capital.", nil},
		{"", "In January 1767 the Zembrian king gave command to Vel. The aim was a surprise assault on the Ostran fort.", nil},
		{"", "In January 1767 the Zembrian king gave command to Vel. His first move was a surprise assault on the Ostran fort.", []string{"1767-01/1767-01"}},
	})
}

// A paragraph that opens by laying a siege tells a clash of its own, not
// more of the field fight the paragraph before told; other fighting that
// opens a paragraph goes on with it.
func TestASiegeLaidOpensItsOwnClash(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	const before = "In November 1769 Zembrian war boats attacked the Ostran flotilla near Kamen and sank most of it.\n\n"
	for _, tt := range []struct {
		text  string
		first []string // each clash's first sentence, as it starts
	}{
		{before + "The Ostrans then laid siege to Kamen for the third time. Their assaults on the fort were beaten off, and early in December the Zembrian army cut the besiegers off.",
			[]string{"In November 1769", "The Ostrans then laid siege"}},
		{before + "The Ostrans then attacked the Zembrian camp at Kamen. Their assaults were beaten off.",
			[]string{"In November 1769"}},
	} {
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "Fighting", tt.text) {
			got = append(got, ev.Evidence[0].Text)
		}
		ok := len(got) == len(tt.first)
		for i := 0; ok && i < len(got); i++ {
			ok = strings.HasPrefix(got[i], tt.first[i])
		}
		if !ok {
			t.Errorf("%q: clashes open with %q, want %q", tt.text, got, tt.first)
		}
	}
}

// An adjective of a state no side is, before a noun of place ("the old
// Russian garrison town"), says whose the place was, not who fought
// there: the clash is still this war's. Troops of that state are a
// party, and the adjective of a side's state before a place still names
// that side.
func TestAStatesAdjectiveBeforeAPlaceNamesNoParty(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	tests := []struct{ text, want string }{
		{"On 4 May 1790 Zembrian troops crossed the river. On 6 May the main body of the army attacked Velm, the old Russian garrison town on the road to Kamen.", "Zembria / Ostra"},
		{"On 4 May 1790 Zembrian troops attacked Velm, an Ostran frontier town on the river.", "Zembria / Ostra"},
		{"On 4 May 1790 Russian troops attacked the Ostrans at Velm, a frontier town on the river.", ""},
	}
	for _, tt := range tests {
		if got := clashSides(clashesUnder(t, tab, c, "Fighting", tt.text)); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A group named by one plural word ("Velmistas") is called by its
// singular before a noun ("a Velmista band"), as a longer name's last
// word is ("Catholic royalists", "royalist horsemen").
func TestAOneWordGroupsSingularNamesIt(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Sides[1].Belligerents = append(c.Sides[1].Belligerents, "Velmistas")
	tests := []struct{ text, want string }{
		{"On 5 May 1916 Zembrian cavalry surprised a Velmista band at the Kamen ranch and killed 61 of its men.", "Zembria / Velmistas"},
		{"On 5 May 1916 a Velmista column raided the Zembrian post at Kamen.", "Velmistas / Zembria"},
	}
	for _, tt := range tests {
		if got := clashSides(clashesUnder(t, tab, c, "Fighting", tt.text)); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A loss told of a clash dated by the narrative ("was taken prisoner;
// his body was returned in April") does not move the clash to the date
// of what came after the loss, and fighting told days later is a clash
// of its own.
func TestALossToldLaterDoesNotRedateTheClash(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Start, c.End = annalist.DayDate(1969, 3, 2), annalist.DayDate(1969, 3, 17)
	const text = "During the night of 1–2 March 1969 about 300 Ostran soldiers crossed to the island.\n\n" +
		"As the Zembrian patrol came up, the Ostrans opened fire. One Zembrian soldier was taken prisoner; his body was returned in April.\n\n" +
		"Shooting broke out again on the island early on 15 March, when an Ostran company attacked the Zembrian post."
	if got, want := namedDates(clashesUnder(t, tab, c, "Fighting", text), true), "1969-03-02/1969-03-02 | 1969-03-15/1969-03-15"; got != want {
		t.Errorf("clashes %q, want %q", got, want)
	}
}

// A fight that strikes a state no side is, nor named in the lead, is
// that state's war told in passing, though the sentence names a side of
// this one besides; striking a side is a clash.
func TestAFightStrikingAStrangerIsAnotherWar(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	tests := []struct{ text, want string }{
		{"The Ostran invasion of Czechoslovakia in August 1968 alarmed the Zembrian leadership.", ""},
		{"In August 1968 Ostran troops invaded Czechoslovakia, and Zembria protested.", ""},
		{"The Ostran invasion of Zembria in August 1968 alarmed the world.", "1968-08"},
	}
	for _, tt := range tests {
		if got := namedDates(clashesUnder(t, tab, c, "Background", tt.text), false); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// clashSides writes each event's sides as "A / B", joined by " | ".
func clashSides(evs []annalist.Event) string {
	var out []string
	for _, ev := range evs {
		out = append(out, strings.Join(ev.SideA, "+")+" / "+strings.Join(ev.SideB, "+"))
	}
	return strings.Join(out, " | ")
}

// A fight word in the pluperfect of a clause that describes a thing
// named before it (", which the Zembrians had ringed with forts long
// before") tells what the thing was, not a fight of the sentence; a
// garrison that had held out, or a party's fight told back, still does.
func TestAThingsPastIsNoFight(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In October 1920 the Ostran army moved on Kamen. The fortress of Kamen, which the Zembrians had surrounded with a ring of forts long before, was thought impregnable.", nil},
		{"", "On 30 October 1920 the Ostran assault on Kamen began.", []string{"1920-10-30/1920-10-30"}},
		{"", "On 18 February 1921 Kamen, which had held out under the Ostran guns for months, fell to the Ostrans.", []string{"1921-02-18/1921-02-18"}},
		// So does the fight a body of men began, told back to say who
		// was left of them.
		{"", "In October 1920 the Ostran army moved on Kamen. On 18 February 1921, of the 900 men with which the Zembrians had begun the siege, only forty were still alive.", nil},
	})
}

// A fight chosen, urged or forbidden but not made ("preferring a frontal
// assault", "proposed a night attack", "forbade it to attack") and one
// denied past "another" ("without another battle") tell no clash; the
// fight made does.
func TestAFightPreferredOrForgoneIsNoClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 13 September 1812 the Zembrian council decided to give up Kamen without another battle.", nil},
		{"", "On 6 September 1812 the Ostran marshal rejected the plan, preferring a frontal assault on the redoubt.", nil},
		{"", "On 6 September 1812 an Ostran general proposed a night attack on the Zembrian left.", nil},
		{"", "On 7 September 1812 the Ostrans made a frontal assault on the Zembrian redoubt.", []string{"1812-09-07/1812-09-07"}},
		{"", "In June 1726 an Ostran squadron arrived off Kamen. Its orders forbade it to attack the town, and it lay at anchor for months.", nil},
	})
}

// A month's name is no verb: "On 29 March Zembria filed a complaint
// against Ostra" moved no one against anyone. A part of a battle begun
// ("opened the second phase of the battle against the hills") is
// fighting of its own, not the battle referred to.
func TestMonthsAndPhasesOfABattle(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 29 March 1994 Zembria filed a complaint against Ostra at the International Court of Justice.", nil},
		{"", "On 29 March 1994 Zembrian troops marched against the Ostran posts at Velo.", []string{"1994-03-29/1994-03-29"}},
		{"", "On 12 June 1921 Zembrian troops attacked Velo. On the evening of 30 June the Zembrian commander opened the second phase of the battle against the hills east of Velo.",
			[]string{"1921-06-12/1921-06-12", "1921-06-30/1921-06-30"}},
		{"", "On 12 June 1921 Zembrian troops attacked Velo. On 30 June the Zembrian commander launched the final stage of the offensive against the Ostran lines at Dolno.",
			[]string{"1921-06-12/1921-06-12", "1921-06-30/1921-06-30"}},
	})
}

// A death of wounds told weeks on dates the death, not the clash the
// wound was taken in; a clash told without a date of its own keeps the
// narrative's.
func TestADeathOfWoundsLaterDoesNotDateTheClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 12 October 1806 Zembrian troops attacked Velo.\n\nOstran columns attacked the Zembrian flank guard near Dolno and drove it back. The Zembrian general was carried from the field and died of his wound at Karvo on 10 November.",
			[]string{"1806-10-12/1806-10-12", "1806-10-12/1806-10-12"}},
	})
}

// A clash called off, broken off or abandoned on a later day ran until
// then, as one told ending does; a noun the verb is said of ("abandoned
// the battle lines") ends no clash.
func TestAClashCalledOffEndsThen(t *testing.T) {
	const attack = "On 19 August 1904 Zembrian troops attacked the Ostran forts at Velo. "
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", attack + "On 24 August the Zembrian commander called off the attack.", []string{"1904-08-19/1904-08-24"}},
		{"", attack + "The Zembrians broke off the assault on 22 August and fell back.", []string{"1904-08-19/1904-08-22"}},
		{"", attack + "On 24 August the Zembrian commander called off the attack on Velo.", []string{"1904-08-19/1904-08-24"}},
		{"", attack + "On 24 August the Zembrian commander launched another attack on the forts.", []string{"1904-08-19/1904-08-19", "1904-08-24/1904-08-24"}},
	})
}

// A verb of meeting whose object is "it" or "them", right after a
// sentence that named a body of troops or ships, tells that body met: a
// clash, opened by the dated sentence before it. Gathering a force "to
// intercept it" met nothing yet.
func TestMeetingAPronounForTheUnitToldBefore(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	const sailed = "On 10 August 1904 the Ostran squadron sailed from Velo in an attempt to break through to Karvo. "
	for _, tt := range []struct {
		text string
		want []string // each clash's first day and its evidence count
	}{
		{sailed + "The Zembrian admiral intercepted it off the cape that afternoon.", []string{"1904-08-10 2"}},
		{sailed + "The Zembrian cruisers caught them near Dolno and sank two destroyers.", []string{"1904-08-10 2"}},
		{sailed + "The Zembrian admiral gathered his cruisers at Dolno to intercept it.", nil},
		{"On 10 August 1904 the Ostran envoy sailed from Velo. The Zembrian admiral met him off the cape that afternoon.", nil},
	} {
		if got := daysAndEvidence(clashesUnder(t, tab, c, "Fighting", tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Fighting that goes on at the same ground extends its clash; fighting
// told spreading to other ground on a later day of its own is a clash
// there.
func TestFightingSpreadToOtherGroundIsAClashThere(t *testing.T) {
	const first = "On 22 April 2011 Zembrian and Ostran troops fought with mortars and artillery near Velo. "
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", first + "On 26 April the clashes spread east to the Karvo area, with an exchange of artillery fire near Dolno.",
			[]string{"2011-04-22/2011-04-22", "2011-04-26/2011-04-26"}},
		{"", first + "\n\nThe fighting resumed at dawn the next day around Velo, when Ostran troops tried to retake their positions. On 26 April the clashes spread east to the Karvo area, with an exchange of artillery fire near Dolno that lasted about an hour.",
			[]string{"2011-04-22/2011-04-22", "2011-04-23/2011-04-23", "2011-04-26/2011-04-26"}},
		{"", first + "On 24 April the fighting continued near Velo, with an exchange of artillery fire.",
			[]string{"2011-04-22/2011-04-24"}},
	})
}

// Sections that tell how a war is remembered or written about tell no
// clash of it, whatever they recall; the narrative's own sections do.
func TestSectionsOfMemoryTellNoClash(t *testing.T) {
	const told = "On 2 May 1915 an Ostran shell killed a Zembrian officer near Velo, and the fighting at Dolno is recalled by a memorial near the place where the gas first struck the Zembrian line."
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"Legacy", told, nil},
		{"Commemoration", told, nil},
		{"Historiography", told, nil},
		{"Fighting", told, []string{"1915-05-02/1915-05-02"}},
	})
}

// A paragraph that opens with fighting at another named place, with no
// date, is a clash of its own on the narrative's day, whoever fights
// it; at the same place, it goes on with the clash before.
func TestAParagraphOfFightingElsewhereIsAClashOfItsOwn(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	const first = "On 2 November 1929 Zembrian gunboats sank the Ostran flotilla off Velo.\n\n"
	for _, tt := range []struct {
		text string
		want []string
	}{
		{first + "Zembrian infantry fought a long action for the fortress of Dolno, which the Ostrans had ringed with trenches.", []string{"1929-11-02 1", "1929-11-02 1"}},
		{first + "Zembrian infantry fought a long action off Velo, where the Ostrans had sunk blockships.", []string{"1929-11-02 2"}},
	} {
		if got := daysAndEvidence(clashesUnder(t, tab, c, "Fighting", tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A place taken is a clash there, whatever the words: the subject of a
// passive of taking ("Degehabur was taken on 30 July", "seized by"), a
// name after a gerund ("by seizing the Marda Pass"); a sentence that
// opens with the place has a clash of its own there, though its date
// falls inside the last clash's. A person taken somewhere is no clash.
func TestAPlaceTakenIsAClashThere(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "Gode fell in late July 1977 after the Ostran 5th Brigade was overrun in heavy fighting. Degehabur was taken on 30 July.",
			[]string{"1977-07/1977-07", "1977-07-30/1977-07-30"}},
		{"", "Jijiga was seized by Zembrian forces on 28 September 1977.", []string{"1977-09-28/1977-09-28"}},
		{"", "On 28 September 1977 the Zembrians followed up by seizing the Marda Pass, which controlled the road to Harar.", []string{"1977-09-28/1977-09-28"}},
		{"", "On 28 September 1977 the Zembrian envoy was taken to Harar.", nil},
		{"", "Ali Yusuf was taken to Harar on 28 September 1977.", nil},
	})
}
