package event

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/state"
)

// readWithStates reads text under one heading with a reader that knows the
// states through time, in a conflict of sides begun in year start.
func readWithStates(t *testing.T, sides [2]string, start int, text string) []annalist.Event {
	t.Helper()
	tab := loadActors(t)
	states, err := state.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(tab)
	if err != nil {
		t.Fatal(err)
	}
	r.SetStates(states)
	a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Fighting==\n"+text+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := &annalist.Conflict{
		Start: annalist.YearDate(start), End: annalist.YearDate(start + 3),
		Sides: []annalist.Side{{Belligerents: []string{sides[0]}}, {Belligerents: []string{sides[1]}}},
	}
	evs, _ := r.Extract(a, c)
	return evs
}

// sidesOf writes each event's sides as "A+B / C", the sides sorted so
// that the order of side_a and side_b does not matter.
func sidesOf(evs []annalist.Event) []string {
	var out []string
	for _, ev := range evs {
		a, b := slices.Clone(ev.SideA), slices.Clone(ev.SideB)
		slices.Sort(a)
		slices.Sort(b)
		pair := []string{strings.Join(a, "+"), strings.Join(b, "+")}
		slices.Sort(pair)
		out = append(out, pair[0]+" / "+pair[1])
	}
	return out
}

// sidesInOrder writes each event's sides in their order, "A+B / C",
// the events joined by " | ": who attacked matters.
func sidesInOrder(evs []annalist.Event) string {
	var out []string
	for _, ev := range evs {
		out = append(out, strings.Join(ev.SideA, "+")+" / "+strings.Join(ev.SideB, "+"))
	}
	return strings.Join(out, " | ")
}

// sidesCase is a text told in a conflict of two sides begun in year
// start, and the sides of the clashes read from it, as sidesOf writes
// them.
type sidesCase struct {
	sides [2]string
	start int
	text  string
	want  []string
}

func checkSides(t *testing.T, tests []sidesCase) {
	t.Helper()
	for _, tt := range tests {
		if got := sidesOf(readWithStates(t, tt.sides, tt.start, tt.text)); !slices.Equal(got, tt.want) {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// The prose calls a belligerent by the name of its state at another date
// ("the Turks" for the Ottoman Empire, "the Persians" for the Sasanian
// Empire): it fought for that belligerent, not for a third state.
func TestABelligerentStandsForTheStatesOfItsLineage(t *testing.T) {
	tests := []sidesCase{
		{[2]string{"Russian Empire", "Ottoman Empire"}, 1788, "On 4 May 1789 the Turks attacked the Russians at Focsani.", []string{"Ottoman Empire / Russian Empire"}},
		{[2]string{"Russian Empire", "Ottoman Empire"}, 1788, "On 9 June 1789 Russian troops stormed the Turkish fort at Bender.", []string{"Ottoman Empire / Russian Empire"}},
		{[2]string{"Byzantine Empire", "Sasanian Empire"}, 572, "On 4 May 573 the Persians attacked the Byzantines at Dara.", []string{"Byzantine Empire / Sasanian Empire"}},
		{[2]string{"Greek city-states", "Achaemenid Empire"}, -480, "In August 480 BC the Persians attacked the Greeks holding the pass at Thermopylae.", []string{"Achaemenid Empire / Greek city-states"}},
		// The Byzantines called themselves Romans: their empire was the
		// Roman Empire's eastern half, living on.
		{[2]string{"Byzantine Empire", "Grand Principality of Serbia"}, 1090, "In 1091 the Romans besieged the Serbian town of Lipljan.", []string{"Byzantine Empire / Grand Principality of Serbia"}},
		{[2]string{"First Bulgarian Empire", "Byzantine Empire"}, 1014, "In 1016 a Roman army stormed the Bulgarian fortress of Pernik.", []string{"Byzantine Empire / First Bulgarian Empire"}},
		{[2]string{"Roman Republic", "Seleucid Empire"}, -192, "In 191 BC the Romans stormed the Seleucid camp at Thermopylae.", []string{"Roman Republic / Seleucid Empire"}},
		{[2]string{"Roman Empire", "Parthian Empire"}, 58, "In 62 AD the Parthians and the Persians attacked the Roman camp at Rhandeia.", []string{"Parthian Empire / Roman Empire"}},
		{[2]string{"Ming dynasty", "Japan"}, 1592, "On 8 February 1593 Chinese troops stormed the Japanese positions at Pyongyang.", []string{"Japan / Ming dynasty"}},
		// A federation a state led is that state's people's side.
		{[2]string{"North German Confederation", "France"}, 1870, "On 28 November 1870 Prussian troops repulsed a French attack at Vel.", []string{"France / North German Confederation"}},
		// The realms the United Kingdom joined are it, after the union.
		{[2]string{"United Kingdom", "Argentina"}, 1982, "On 13 June 1982 the Scots Guards stormed the Argentine positions on Mount Tumbledown.", []string{"Argentina / United Kingdom"}},
		// Before it, Scotland was a state of its own: a Scottish army in a
		// war of England and France fought in no clash of that war.
		{[2]string{"Kingdom of England", "Kingdom of France"}, 1346, "In October 1346 a Scottish army invaded northern England and was defeated near Durham.", nil},
	}
	checkSides(t, tests)
}

// The Habsburgs' lands before the Austrian Empire were Austria to the
// prose ("the Austrians"): on a side of two belligerents, the Austrians
// are the Habsburg monarchy, not the side's first belligerent.
func TestTheHabsburgMonarchyIsAustria(t *testing.T) {
	tab := loadActors(t)
	text := "= Vel campaign =\n\nInfobox\n- Conflict: Vel campaign\n- Date: August – October 1792\n- Combatant1: Kingdom of France\n- Combatant2: Prussia, Habsburg monarchy\n\n" +
		"The Vel campaign was fought in 1792 between the Kingdom of France and an alliance of Prussia and the Habsburg monarchy.\n\n==Campaign==\n" +
		"On 14 September 1792 French troops attacked the Austrians in the pass at Vel. On 20 September 1792 the Prussians stormed the French camp at Tesh.\n"
	want := []string{"Habsburg monarchy / Kingdom of France", "Kingdom of France / Prussia"}
	if got := sidesOf(articleEvents(t, tab, text)); !slices.Equal(got, want) {
		t.Errorf("clashes %q, want %q", got, want)
	}
}

// A state founded after the conflict is a region of it: "raided Syria" in
// 573 is a raid on the Byzantine province, not on the state of 1946, and
// the raid is the conflict's own.
func TestAStateFoundedAfterTheConflictIsARegion(t *testing.T) {
	tests := []sidesCase{
		{[2]string{"Byzantine Empire", "Sasanian Empire"}, 572, "On 4 May 573 a Persian column raided Syria and sacked the town of Apamea.", []string{"Byzantine Empire / Sasanian Empire"}},
		{[2]string{"Russian Empire", "Ottoman Empire"}, 1788, "On 3 April 1789 Russian horsemen crossed the river and raided Bulgaria.", []string{"Ottoman Empire / Russian Empire"}},
		// Its people are the region's people, no party either.
		{[2]string{"Knights Hospitaller", "Ottoman Empire"}, 1565, "On 23 June 1565 the Ottomans stormed Fort St Elmo; a few Maltese swam across the harbour to safety.", []string{"Knights Hospitaller / Ottoman Empire"}},
		// A state of the conflict's own time stays a third party.
		{[2]string{"Soviet Union", "Japan"}, 1938, "On 4 May 1939 Japanese aircraft bombed a Chinese airfield.", nil},
		// People named after a state founded later fight on whichever
		// side the clash leaves them; fighting no belligerent, they fight
		// another war.
		{[2]string{"Teutonic Order", "Grand Duchy of Lithuania"}, 1330, "In March 1331 Lithuanian raiders ambushed German and Latvian troops near the Dubysa.", []string{"Grand Duchy of Lithuania / Teutonic Order"}},
		{[2]string{"Byzantine Empire", "First Bulgarian Empire"}, 1016, "In July 1018 the Polish duke defeated the prince of Kiev on the Bug River.", nil},
		{[2]string{"United Colonies", "Kingdom of Great Britain"}, 1772, "On 27 August 1773 American troops fortified Ploughed Hill, and British guns fired on them.", []string{"Kingdom of Great Britain / United Colonies"}},
		{[2]string{"Kingdom of Hungary", "Ottoman Empire"}, 1526, "On 2 August 1526 Czech mercenaries beat off an Ottoman raid near the Sava.", []string{"Kingdom of Hungary / Ottoman Empire"}},
	}
	checkSides(t, tests)
	// The region is where the clash was.
	evs := readWithStates(t, [2]string{"Russian Empire", "Ottoman Empire"}, 1788, "On 3 April 1789 Russian horsemen crossed the river and raided Bulgaria.")
	if len(evs) != 1 || evs[0].Place == nil || evs[0].Place.Text != "Bulgaria" {
		t.Errorf("the raid on Bulgaria in 1789: %+v, want one clash placed in Bulgaria", evs)
	}
}

// A state written with a belligerent ("Bulgarian and Serbian troops")
// fights beside it, though the conflict names the belligerent otherwise
// ("Kingdom of Bulgaria"); after a word of opposition, "between X and Y"
// names two sides ("a treaty between Imperial Russia and Qing China").
func TestAStateWrittenWithABelligerentIsItsAlly(t *testing.T) {
	tests := []sidesCase{
		{[2]string{"Kingdom of Bulgaria", "Ottoman Empire"}, 1912, "On 3 November 1912 Bulgarian and Serbian troops attacked Adrianople.",
			[]string{"Kingdom of Bulgaria+Serbia / Ottoman Empire"}},
		{[2]string{"Kingdom of Bulgaria", "Ottoman Empire"}, 1912, "The siege of Adrianople began on 3 November 1912, when Bulgarian and Serbian troops closed the ring around the fortress.",
			[]string{"Kingdom of Bulgaria+Serbia / Ottoman Empire"}},
		{[2]string{"Soviet Union", "Japan"}, 1938, "On 29 July 1938 Japanese troops attacked Soviet posts near Lake Khasan, on a border drawn by a treaty between Imperial Russia and Qing China.",
			[]string{"Japan / Soviet Union"}},
	}
	checkSides(t, tests)
}

// checkOneClashSides reads each text, told in a conflict of the given
// sides begun in year start, and wants one clash of sides want (as
// sidesOf writes them).
func checkOneClashSides(t *testing.T, sides [2][]string, start int, texts []string, want string) {
	t.Helper()
	tab := loadActors(t)
	c := &annalist.Conflict{
		Start: annalist.YearDate(start), End: annalist.YearDate(start + 1),
		Sides: []annalist.Side{{Belligerents: sides[0]}, {Belligerents: sides[1]}},
	}
	for _, text := range texts {
		if got := sidesOf(clashesUnder(t, tab, c, "Fighting", text)); len(got) != 1 || got[0] != want {
			t.Errorf("%q: clashes %q, want %s", text, got, want)
		}
	}
}

// A belligerent named by a compass word and a state ("North Peru") is
// what the prose calls by that word and the state's adjective ("the North
// Peruvian line"), though another belligerent's name holds the state too
// ("Peru–Bolivian Confederation").
func TestACompassNamedStateIsCalledByItsAdjective(t *testing.T) {
	checkOneClashSides(t, [2][]string{{"Chile"}, {"Peru–Bolivian Confederation", "North Peru"}}, 1838, []string{
		"On 21 August 1838 Chilean troops attacked the North Peruvian line at the city gate.",
		"On 21 August 1838 the North Peruvians attacked the Chilean camp at the city gate.",
	}, "Chile / North Peru")
}

// A group named by a plural noun of its members ("Catholic royalists")
// is what the prose calls by that noun or its singular ("2,000 royalist
// horsemen", "the royalists"), not the side's first belligerent.
func TestAGroupIsCalledByItsMembersNoun(t *testing.T) {
	checkOneClashSides(t, [2][]string{{"Hussites"}, {"Holy Roman Empire", "Catholic royalists"}}, 1420, []string{
		"On 25 March 1420, near the village of Sudomer, the Hussites were attacked by about 2,000 royalist horsemen.",
		"On 25 March 1420 the royalists attacked the Hussite wagons near the village of Sudomer.",
	}, "Catholic royalists / Hussites")
	// A state's name ending in a plural of statehood names no members.
	checkOneClashSides(t, [2][]string{{"United States", "Syrian rebels"}, {"Islamic State"}}, 2015, []string{
		"On 3 May 2015 Syrian rebels attacked the Islamic State positions near Raqqa.",
	}, "Islamic State / Syrian rebels")
}

// A chartered company fought for its state: where the state is no
// belligerent, its people in the prose ("the British", "Dutch troops")
// are the company's.
func TestACharteredCompanyIsItsStatesParty(t *testing.T) {
	tests := []sidesCase{
		{[2]string{"East India Company", "Kingdom of Zembria"}, 1814, "On 23 April 1815 a British detachment stormed the Zembrian stockade at the ford.", []string{"East India Company / Kingdom of Zembria"}},
		{[2]string{"Sultanate of Ostra", "Dutch East India Company"}, 1740, "On 2 May 1741 the Ostrans attacked the Dutch fort at the river mouth.", []string{"Dutch East India Company / Sultanate of Ostra"}},
		// A state that is a belligerent itself stays its own.
		{[2]string{"East India Company", "United Kingdom"}, 1814, "On 23 April 1815 a British detachment stormed the Company's stockade at the ford.", []string{"East India Company / United Kingdom"}},
	}
	checkSides(t, tests)
}

// A people named with a compass adjective ("Northern Cheyenne") is called
// by its name alone in the prose ("a band of Cheyenne"), unless two
// belligerents share that name.
func TestACompassNamedPeopleIsCalledByItsName(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 1876\n- Combatant1: Ostra | %s\n- Combatant2: Zembria\n\n==War==\n" +
		"On 17 July 1876 a Zembrian detachment turned back a band of Velmi warriors at the ford.\n"
	for _, tt := range []struct {
		others, want string
	}{
		{"Northern Velmi", "Northern Velmi / Zembria"},
		{"Northern Velmi | Southern Velmi", "Ostra / Zembria"},
	} {
		evs := articleEvents(t, tab, fmt.Sprintf(head, tt.others))
		if got := strings.Join(sidesOf(evs), " | "); got != tt.want {
			t.Errorf("%s: clashes %q, want %q", tt.others, got, tt.want)
		}
	}
}
