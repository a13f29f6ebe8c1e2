package infobox

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
	"github.com/annalist/annalist/state"
)

// readTestArticle reads an invented article of testdata/ and its conflict.
func readTestArticle(t *testing.T, name string) *testConflict {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	a, err := plaintext.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	c := Extract(a, testActors)
	if c == nil {
		t.Fatalf("%s: no conflict record", name)
	}
	tc := &testConflict{}
	for _, s := range c.Sides {
		tc.bell = append(tc.bell, s.Belligerents)
		tc.notes = append(tc.notes, s.BelligerentsNote)
		var cmd, figs []string
		for _, cm := range s.Commanders {
			cmd = append(cmd, cm.Name)
		}
		for _, f := range s.Casualties {
			figs = append(figs, f.Text)
		}
		tc.cmd = append(tc.cmd, cmd)
		tc.cas = append(tc.cas, figs)
	}
	tc.joint = c.Joint != nil
	return tc
}

type testConflict struct {
	bell, cmd, cas [][]string
	notes          []string
	joint          bool
}

// TestRecoveredBelligerentsFollowTheEvidence reads invented articles whose
// infobox lost the belligerents' names, each with one clue to who fought
// on which side: an invasion with a mediator, "between X and Y" alone
// (thin), "X, supported by Y, attacked Z" with the keys shuffled and image
// leftovers, figures a line gives for a state, a missing Combatant2 line,
// a second paragraph that says who attacked whom and who only brokered
// the truce, and a result line naming the winner.
func TestRecoveredBelligerentsFollowTheEvidence(t *testing.T) {
	tests := []struct {
		file string
		bell [][]string
		cmd  [][]string
		cas  [][]string
		// thin lists the sides whose note must say the evidence is thin.
		thin []int
	}{
		{
			file: "mediator-and-invader.txt",
			bell: [][]string{{"Bolivia"}, {"Chile"}}, // Argentina only brokered the truce
		},
		{
			file: "order-of-the-lead.txt",
			bell: [][]string{{"Peru"}, {"Ecuador"}},
			thin: []int{1, 2},
		},
		{
			file: "supported-attacker.txt",
			bell: [][]string{{"Somalia"}, {"Kenya", "Ethiopia"}},
			cmd:  [][]string{{"Farah Aden"}, {"Abdi Warsame", "Yonas Tekle"}},
			cas:  [][]string{{"410 killed"}, {"300 killed", "120 captured"}},
		},
		{
			file: "figures-name-the-side.txt",
			bell: [][]string{{"Chile"}, {"Peru"}}, // the lead names Peru first
		},
		{
			file: "nationality-in-figures.txt", // the lead names Argentina first
			bell: [][]string{{"Chile"}, {"Argentina"}},
		},
		{
			file: "missing-combatant-line.txt",
			bell: [][]string{{"Peru"}, {"Ecuador"}},
			cas:  [][]string{{"4 killed"}, {"7 killed", "2 captured"}},
		},
		{
			file: "second-paragraph.txt", // the first paragraph names a mediator as a party
			bell: [][]string{{"Chile"}, {"Bolivia"}},
		},
		{
			file: "result-names-the-winner.txt",
			bell: [][]string{{"Peru"}, {"Ecuador"}},
		},
		{
			// Three flags lost; the second sentence names the two allies
			// and the figures one of them. Britain only watched.
			file: "coalition-named-later.txt",
			bell: [][]string{{"Spain", "Portugal", "Italy"}, {"Beni Urriaguel tribes"}},
		},
		{
			// Two flags lost; "was joined by Dutch frigates" names the
			// second. Austria, named after, fought no one.
			file: "joined-by-a-fleet.txt",
			bell: [][]string{{"United Kingdom", "Netherlands"}, {"Spain"}},
		},
		{
			// Two flags lost; the lead names the second as the first's
			// vassal, a polity the actor table lacks.
			file: "vassal-polity-unknown.txt",
			bell: [][]string{{"Kingdom of Poland"}, {"Ottoman Empire", "Budjak Khanate"}},
		},
		{
			// One flag lost; the lead says the first side crossed into
			// the second ("crossed into X": invaded X), not a place.
			file: "crossed-into-polity.txt",
			bell: [][]string{{"Kingdom of Portugal"}, {"Ovimbundu Kingdom"}},
		},
		{
			// One flag lost; the lead names a polity the table lacks as
			// "Emirate of Kashgar".
			file: "polity-of-name.txt",
			bell: [][]string{{"Kingdom of Poland"}, {"Emirate of Kashgar"}},
		},
		{
			// "Russian troops under" the side's commander are the Russian
			// Empire the line kept, not Russia besides it.
			file: "empire-and-its-adjective.txt",
			bell: [][]string{{"Russian Empire"}, {"Iran"}},
		},
		{
			// One flag lost beside an armed group named after its state
			// ("Bulgarian Volunteer Front"): the group is not the state,
			// so the lead's Bulgaria is still to recover. The power that
			// backed the other side is its supporter, not this side's.
			file: "group-named-after-its-state.txt",
			bell: [][]string{{"Bulgaria", "Bulgarian Volunteer Front"}, {"Ottoman Empire"}},
		},
		{
			// One flag lost beside a colony named with its metropole's
			// adjective ("British India"): the colony is not the
			// metropole, which the lead names ("a British-led
			// expedition") and the line lost. The other side's two lost
			// flags are the states its figures name.
			file: "colony-beside-its-metropole.txt",
			bell: [][]string{{"United Kingdom", "British India"}, {"Kingdom of Iraq", "Germany", "Italy"}},
		},
		{
			// One flag lost; the lead names it only as the leader of the
			// expedition ("a Dutch-led expedition").
			file: "led-by-a-lost-flag.txt",
			bell: [][]string{{"Netherlands", "Vel Guards"}, {"Ottoman Empire"}},
		},
		{
			// Two flags lost; the lead names the two states that fought
			// and the power the infobox lists as the other side's
			// supporter, which is no belligerent of either.
			file: "supporter-of-the-other-side.txt",
			bell: [][]string{{"Serbia", "Greece"}, {"Wallachia"}},
		},
		{
			// One flag lost beside a group named after its state's
			// people ("Turkish Resistance Organisation", British
			// spelling): the state is still to recover, and only it:
			// the lead's Greece, set against "Turkish Cypriot" militias,
			// takes no second slot on a line that lost one.
			file: "group-beside-a-lost-flag.txt",
			bell: [][]string{{"Turkey", "Turkish Resistance Organisation"}, {"Cyprus"}},
		},
		{
			// No Combatant2 line, and the lead names the other side by
			// no name: its units name the state.
			file: "units-name-the-lost-side.txt",
			bell: [][]string{{"United States"}, {"Iran"}},
		},
		{
			// One flag lost; the lead lists it with the line's two kept
			// states as adjectives of one noun of force ("British, Dutch
			// and Portuguese warships").
			file: "listed-adjectives.txt",
			bell: [][]string{{"United Kingdom", "Netherlands", "Portugal"}, {"Spain"}},
		},
		{
			// One flag lost beside a militia; the lead names the lost
			// state only by its forces ("the Dolno State Forces"), a
			// polity the table lacks, named as polities are.
			file: "state-forces.txt",
			bell: [][]string{{"India"}, {"Dolno State", "Vel Guards"}},
		},
		{
			// One flag lost; the lead names it as polities are named,
			// around a state's adjective ("the South African Republic"):
			// the polity, not the later state.
			file: "polity-holding-an-adjective.txt",
			bell: [][]string{{"United Kingdom"}, {"South African Republic", "Orange Free State"}},
		},
		{
			// One flag lost; the lead names the troops of two states and
			// the volunteers of two more beside them, the commander named
			// after the volunteers: volunteers are no state's forces.
			file: "volunteers-are-no-state.txt",
			bell: [][]string{{"Peru", "Gran Colombia"}, {"Spanish Empire"}},
		},
		{
			// One flag lost; the lead names it as a polity with a word
			// of rank before its noun ("the Grand Duchy of Zemlin"): the
			// whole name.
			file: "rank-before-a-polity.txt",
			bell: [][]string{{"Grand Duchy of Zemlin", "Principality of Karvo"}, {"Velm Horde"}},
		},
		{
			// A word of rank before a state the table names ("the First
			// Republic of Armenia"): the table's state.
			file: "rank-before-a-state-of-the-table.txt",
			bell: [][]string{{"Turkey"}, {"Armenia"}},
		},
		{
			// One flag lost; the lead writes the kept side's name in
			// another order ("Sultanate of Bornu" for "Bornu Sultanate"):
			// the same state, not the lost one.
			file: "name-in-another-order.txt",
			bell: [][]string{{"Bornu Sultanate"}, {"Sultanate of Kano"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c := readTestArticle(t, tt.file)
			if c.joint {
				t.Errorf("a joint row: every numbered line here is a side's")
			}
			if !reflect.DeepEqual(c.bell, tt.bell) {
				t.Errorf("belligerents %q, want %q (notes %q)", c.bell, tt.bell, c.notes)
			}
			if tt.cmd != nil && !reflect.DeepEqual(c.cmd, tt.cmd) {
				t.Errorf("commanders %q, want %q", c.cmd, tt.cmd)
			}
			if tt.cas != nil && !reflect.DeepEqual(c.cas, tt.cas) {
				t.Errorf("casualties %q, want %q", c.cas, tt.cas)
			}
			for i, note := range c.notes {
				thin := strings.Contains(note, "thin evidence")
				want := false
				for _, s := range tt.thin {
					want = want || s == i+1
				}
				if thin != want {
					t.Errorf("side %d note %q: thin %v, want %v", i+1, note, thin, want)
				}
			}
		})
	}
}

// TestLeadRelations: what a lead sentence says of the parties it names.
func TestLeadRelations(t *testing.T) {
	type rel struct {
		a, b string
		kind int
	}
	tests := []struct {
		lead      string
		want      []rel
		mediators []string
	}{
		{"Chile invaded Bolivia in 1963.", []rel{{"Chile", "Bolivia", relOpposite}}, nil},
		{"Bolivia was attacked by Chile.", []rel{{"Bolivia", "Chile", relOpposite}}, nil},
		{"The war was fought between Peru and Ecuador.", []rel{{"Peru", "Ecuador", relOpposite}}, nil},
		{"The war was fought between Peru, Chile and Ecuador.", nil, nil},
		{"Peru and Chile signed a treaty.", nil, nil},
		{"Kenya and its allies fought against Somalia.", []rel{{"Kenya", "Somalia", relOpposite}}, nil},
		{"Kenya fought alongside Ethiopia.", []rel{{"Kenya", "Ethiopia", relSame}}, nil},
		{"Kenya and Ethiopia invaded Somalia.", []rel{{"Kenya", "Ethiopia", relSame}, {"Kenya", "Somalia", relOpposite}, {"Ethiopia", "Somalia", relOpposite}}, nil},
		{"A ceasefire mediated by Argentina ended the war between Peru and Ecuador.", []rel{{"Peru", "Ecuador", relOpposite}}, []string{"Argentina"}},
		{"Brazil brokered a truce.", nil, []string{"Brazil"}},
		{"Peru (supported by Chile) attacked Ecuador.", []rel{{"Peru", "Ecuador", relOpposite}}, nil},
		{"It was fought between forces of the Empire of Japan and the Soviet Union.", []rel{{"Japan", "Soviet Union", relOpposite}}, nil},
		{"In 1969 Honduras was invaded by El Salvador.", []rel{{"Honduras", "El Salvador", relOpposite}}, nil},
		{"It ended with a truce negotiated by the Soviet Union between India and Pakistan.", []rel{{"India", "Pakistan", relOpposite}}, []string{"Soviet Union"}},
		{"It was fought by Iraq, with the support of Jordan, against Iran.",
			[]rel{{"Iraq", "Jordan", relSame}, {"Iraq", "Iran", relOpposite}, {"Jordan", "Iran", relOpposite}}, nil},
		{"Cuba and Yemen intervened on the side of Ethiopia.",
			[]rel{{"Cuba", "Yemen", relSame}, {"Cuba", "Ethiopia", relSame}, {"Yemen", "Ethiopia", relSame}}, nil},
		// A clause of its own, after ", and" or ";", relates nothing
		// to the parties of the clause before.
		{"Somali troops supported rebels in the Ogaden, and Ethiopia answered with air strikes.", nil, nil},
		{"Kenyan units supported the militias; Ethiopia stayed out.", nil, nil},
		{"Chile attacked Peru, but Bolivia did not join.", []rel{{"Chile", "Peru", relOpposite}}, nil},
		{"The war was fought between Egypt and Syria on one side and Israel on the other.",
			[]rel{{"Egypt", "Syria", relSame}, {"Egypt", "Israel", relOpposite}, {"Syria", "Israel", relOpposite}}, nil},
		{"The war was fought by the Soviet Union against Afghan mujahideen, who were backed by Pakistan.",
			[]rel{{"Afghanistan", "Pakistan", relSame}, {"Soviet Union", "Afghanistan", relOpposite}, {"Soviet Union", "Pakistan", relOpposite}}, nil},
		// "between" names the two that fought, though the sentence goes
		// on with a word of fighting and one of them again.
		{"It was a border war between Peru and Ecuador, fought mainly in 1941, a year after Ecuador had mobilised.",
			[]rel{{"Peru", "Ecuador", relOpposite}, {"Peru", "Ecuador", relOpposite}}, nil},
		{"It was a war between the Soviet Union and Finland, which was supported by Sweden.",
			[]rel{{"Soviet Union", "Finland", relOpposite}, {"Finland", "Sweden", relSame}}, nil},
	}
	for _, tt := range tests {
		sc := new(leadScratch)
		_, rels, meds := testLex.readLead(tt.lead, testActors, nil, 0, sc, statesAt{})
		var got []rel
		for _, r := range rels {
			got = append(got, rel{r.a, r.b, r.kind})
		}
		if len(meds) == 0 {
			meds = nil
		}
		if !reflect.DeepEqual(got, tt.want) || !reflect.DeepEqual(meds, tt.mediators) {
			t.Errorf("%q: relations %v, mediators %q; want %v, %q", tt.lead, got, meds, tt.want, tt.mediators)
		}
	}
}

// TestOddlyKeyedSiege reads an invented 18th-century siege whose infobox
// has its keys in every spelling and order, display and unknown keys
// among them, " | " lists of commanders and figures, and commanders whose
// names hold a comma.
func TestOddlyKeyedSiege(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "siege-of-brannock.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := plaintext.Read("siege-of-brannock.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	c := x.Extract(a, testActors)
	if c.Name != "Siege of Brannock" || c.Start.String() != "1746-05-12" || c.End.String() != "1746-06-30" ||
		c.Result == nil || *c.Result != "British victory" || len(c.Sides) != 2 || c.Joint != nil {
		t.Fatalf("conflict %+v", c)
	}
	want := []struct {
		bell     []string
		cmd      []string
		strength []string
		cas      []string
	}{
		{[]string{"Kingdom of Great Britain"}, []string{"Edmund Harrow, 2nd Earl of Lisle", "Tobias Wren"},
			[]string{"4,200", "18 guns"}, []string{"1,100–1,300 killed or wounded"}},
		{[]string{"Kingdom of France"}, []string{"Henri, Prince of Valcourt", "Anselme Dufort", "Luc Marchand"},
			nil, []string{"800 killed", "300+ captured", "20 missing"}},
	}
	for i, w := range want {
		s := c.Sides[i]
		var cmd, str, cas []string
		for _, cm := range s.Commanders {
			cmd = append(cmd, cm.Name)
		}
		for _, f := range s.Strength {
			str = append(str, f.Text)
		}
		for _, f := range s.Casualties {
			cas = append(cas, f.Text)
		}
		if !reflect.DeepEqual(s.Belligerents, w.bell) || !reflect.DeepEqual(cmd, w.cmd) || !reflect.DeepEqual(str, w.strength) || !reflect.DeepEqual(cas, w.cas) {
			t.Errorf("side %d: %q %q %q %q, want %q %q %q %q", i+1, s.Belligerents, cmd, str, cas, w.bell, w.cmd, w.strength, w.cas)
		}
	}
	if f := c.Sides[1].Commanders[2].Fate; f == nil || *f != "killed in action" {
		t.Errorf("fate of Luc Marchand: %v", f)
	}
	if st := c.Sides[1].Casualties[1]; st.Status == nil || *st.Status != "captured" || st.Low == nil || *st.Low != 300 || st.High != nil {
		t.Errorf("300+ captured read as %+v", st)
	}
	if !reflect.DeepEqual(c.Other, map[string]string{"Flag Colour": "blue and gold"}) {
		t.Errorf("other %v", c.Other)
	}
	ws := x.Warnings(a)
	if len(ws) != 3 || !strings.Contains(ws[0].Message, `"Image Size"`) || ws[0].Line != 4 ||
		!strings.Contains(ws[1].Message, `"Map Relief"`) || !strings.Contains(ws[2].Message, `"Flag Colour"`) || ws[2].Line != 12 {
		t.Errorf("warnings %+v, want Image Size (line 4), Map Relief and Flag Colour (line 12)", ws)
	}
}

// statesExtractor is an Extractor that knows the states through time.
func statesExtractor(t *testing.T) *Extractor {
	t.Helper()
	states, err := state.Load()
	if err != nil {
		t.Fatal(err)
	}
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	x.SetStates(states)
	return x
}

// A state recovered from the lead under a former state's name keeps that
// name where the common name's state did not exist yet at the conflict's
// start ("the Dutch Republic" in 1702: no Netherlands until 1815), and
// takes the common name where it did ("the Kingdom of Iraq" in 1941 is
// Iraq). Without a table of states, the common name. A polity named by
// its shape ("the Chadian Republic") is the state whose adjective it
// holds only where the table says that state existed then.
func TestARecoveredFormerStateKeepsItsNameBeforeItsSuccessor(t *testing.T) {
	x := statesExtractor(t)
	// The lead names the state by its people's adjective alone: the
	// name the state had then.
	const british = "= Moor battle =\n\nInfobox\n- Date: 16 April %d\n- Combatant1: Kingdom of Poland\n- Combatant2: ,\n\nThe Moor battle was fought between the Kingdom of Poland and a British army.\n"
	const republic = "= Desert war =\n\nInfobox\n- Date: March %d\n- Combatant1: Kingdom of Poland\n- Combatant2: ,\n\nThe desert war was fought between the Kingdom of Poland and the %s Republic.\n"
	iraq := "= Desert war of 1941 =\n\nInfobox\n- Date: May 1941\n- Combatant1: Kingdom of Poland\n- Combatant2: ,\n\nThe desert war of 1941 was fought between the Kingdom of Poland and the Kingdom of Iraq.\n\n==Course==\nIn May 1941 the columns met.\n"
	for _, tt := range []struct {
		name, text string
		x          *Extractor
		want       string
	}{
		{"former-state-in-lead.txt", "", x, "Dutch Republic"},
		{"former-state-in-lead.txt", "", nil, "Netherlands"},
		{"iraq", iraq, x, "Iraq"},
		{"british-1746", fmt.Sprintf(british, 1746), x, "Great Britain"},
		{"british-1982", fmt.Sprintf(british, 1982), x, "United Kingdom"},
		// A polity the actor table lacks, named by its shape around a
		// state's adjective, is that state when the state existed then,
		// and a polity of its own before.
		{"chadian-1986", fmt.Sprintf(republic, 1986, "Chadian"), x, "Chad"},
		{"chadian-1986-no-states", fmt.Sprintf(republic, 1986, "Chadian"), nil, "Chadian Republic"},
		{"south-african-1899", fmt.Sprintf(republic, 1899, "South African"), x, "South African Republic"},
		// An empire named after a state is the state's realm, with its
		// colonies: a belligerent of its own.
		{"british-empire-1879", strings.Replace(fmt.Sprintf(republic, 1879, "British"), "Republic", "Empire", 1), x, "British Empire"},
		// Austria before its empire was the Habsburg Monarchy: a lead
		// that says "Austrian" then names Austria, as it does after 1804;
		// one that writes the monarchy's own name keeps it, a name that
		// does not hold the short one.
		{"austrian-1795", strings.Replace(fmt.Sprintf(british, 1795), "British", "Austrian", 1), x, "Austria"},
		{"austrian-1810", strings.Replace(fmt.Sprintf(british, 1810), "British", "Austrian", 1), x, "Austria"},
		{"habsburg-1566", strings.Replace(fmt.Sprintf(british, 1566), "a British army", "the Habsburg Monarchy", 1), x, "Habsburg Monarchy"},
		// Sweden of its age of empire is still Sweden by its short name.
		{"swedish-1631", strings.Replace(fmt.Sprintf(british, 1631), "British", "Swedish", 1), x, "Sweden"},
	} {
		data := []byte(tt.text)
		if tt.text == "" {
			var err error
			if data, err = os.ReadFile(filepath.Join("testdata", tt.name)); err != nil {
				t.Fatal(err)
			}
		}
		c := extractWith(t, tt.x, tt.name, data)
		if got := strings.Join(c.Sides[1].Belligerents, "+"); got != tt.want {
			t.Errorf("%s (states %v): side 2 %q, want %q", tt.name, tt.x != nil, got, tt.want)
		}
	}
}

// A state named by its people's adjective before it was founded is no
// belligerent to recover: "Italian and Eritrean troops" in 1896 were
// men of a colony. The same lead after Eritrea's founding names it.
func TestAStateNotYetFoundedIsNoRecoveredBelligerent(t *testing.T) {
	x := statesExtractor(t)
	const text = "= Battle of Zula =\n\nInfobox\n- Date: 1 March %d\n- Combatant1: ,\n- Combatant2: Kingdom of Italy\n- Commander1: Menelik II\n- Commander2: Oreste Baratieri\n\n" +
		"The Battle of Zula was fought between Ethiopia and the Kingdom of Italy. It ended in the defeat of an army of Italian and Eritrean troops under Oreste Baratieri.\n"
	for _, tt := range []struct {
		year int
		want string
	}{
		{1896, "Ethiopia / Kingdom of Italy"},
		{1998, "Ethiopia / Eritrea+Kingdom of Italy"},
	} {
		a, err := plaintext.Read("zula.txt", []byte(fmt.Sprintf(text, tt.year)))
		if err != nil {
			t.Fatal(err)
		}
		c := x.Extract(a, testActors)
		if got := strings.Join(c.Sides[0].Belligerents, "+") + " / " + strings.Join(c.Sides[1].Belligerents, "+"); got != tt.want {
			t.Errorf("%d: %q, want %q", tt.year, got, tt.want)
		}
	}
}

// A lost flag the lead names no party for is named by the side's units;
// a state the lead names that was founded long after ("the Sudan" in
// 1898, a land then) is no party, by its name as by its adjective.
func TestALostFlagTheLeadDoesNotNameIsNamedByItsUnits(t *testing.T) {
	x := statesExtractor(t)
	for _, tt := range []struct{ file, want string }{
		{"units-name-a-lost-flag.txt", "United Kingdom+Khedivate of Egypt / Mahdist State"},
		// "Austria" was the Austrian Empire's name in 1866 too, and its
		// army is named before its noun of force ("the Austrian
		// Northern Army").
		{"unit-named-after-its-state.txt", "Kingdom of Prussia / Austria+Kingdom of Saxony"},
	} {
		data, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		a, err := plaintext.Read(tt.file, data)
		if err != nil {
			t.Fatal(err)
		}
		c := x.Extract(a, testActors)
		got := strings.Join(c.Sides[0].Belligerents, "+") + " / " + strings.Join(c.Sides[1].Belligerents, "+")
		if got != tt.want {
			t.Errorf("%s: belligerents %q, want %q", tt.file, got, tt.want)
		}
	}
}

// A lost flag is recovered from the lead with the states through time:
//   - a state founded while the conflict went on, as a war of
//     independence founds one, was a party to it;
//   - a state named plainly ("the army of Poland" in 1651), long before
//     the table's state of that name, may be an older state the table
//     does not list;
//   - where the lead also writes the state's former name ("in the Kingdom
//     of Hungary"), even as a place, the state existed then by that name.
func TestALostFlagIsRecoveredWithTheStatesOfItsTime(t *testing.T) {
	x := statesExtractor(t)
	for _, tt := range []struct {
		text string
		side int
		want string
	}{
		{"= Delta War =\n\nInfobox\n- Date: 26 March – 16 December 1971\n- Combatant1: , India\n- Combatant2: Pakistan\n- Commander1: Sheikh Mujibur Rahman, Indira Gandhi\n- Commander2: Yahya Khan\n\n" +
			"The Delta War was fought in 1971 between Bangladesh, with India at its side from December, and Pakistan.\n", 0, "Bangladesh+India"},
		{"= Battle of Kolin Ford =\n\nInfobox\n- Date: 30 June 1651\n- Combatant1: ,\n- Combatant2: Crimean Khanate\n\n" +
			"The Battle of Kolin Ford was fought on 30 June 1651 between the army of Poland and the Crimean Khanate.\n", 0, "Poland"},
		// A commander the table of leaders knows names his state where
		// the lead calls his side by a coalition's name only.
		{"= Battle of Velm Harbour =\n\nInfobox\n- Date: 10–19 September 1950\n- Combatant1: United Nations, , Ostrava\n- Combatant2: North Korea\n- Commander1: Douglas MacArthur, Jan Velm\n- Commander2: Choi Yong-kun\n\n" +
			"The Battle of Velm Harbour was a landing of the Korean War that ended in a victory for the United Nations Command over North Korea.\n", 0, "United Nations+United States+Ostrava"},
		// A commander written with the number of the first of his name
		// ("Napoleon I") is found as the table writes him ("Napoleon").
		{"= Battle of Velm Heath =\n\nInfobox\n- Date: 16–19 October 1813\n- Combatant1: Prussia\n- Combatant2: , Saxony\n- Commander1: Gebhard von Blücher\n- Commander2: Napoleon I\n\n" +
			"The Battle of Velm Heath was fought in October 1813 by the Prussian army against the army of Napoleon and his Saxon allies.\n", 1, "France+Saxony"},
		// Two adjectives joined by an en dash before an alliance or a
		// plural noun of force are two parties, on one side.
		{"= Nitrate War =\n\nInfobox\n- Date: 5 April 1879 – 20 October 1883\n- Combatant2: ,\n\n" +
			"The Nitrate War was fought from 1879 to 1883 between Chile and a Bolivian–Peruvian alliance over the desert coast.\n", 1, "Bolivia+Peru"},
		{"= Delta Landing =\n\nInfobox\n- Date: 5 November 1956\n- Combatant1: ,\n- Combatant2: Egypt\n\n" +
			"The Delta Landing was an assault by French–British forces on the Egyptian port of Delta in November 1956.\n", 0, "France+United Kingdom"},
		// A puppet named after the state it fought ("Finnish Democratic
		// Republic" beside the Soviets, against Finland): the state the
		// other side names outright is that side's.
		{"= Delta Winter War =\n\nInfobox\n- Date: 30 November 1939 – 13 March 1940\n- Combatant1: , Finnish Democratic Republic\n- Combatant2: Finland\n\n" +
			"The Delta Winter War was fought between the Soviet Union and Finland. It began with the Soviet invasion of Finland on 30 November 1939.\n", 0, "Soviet Union+Finnish Democratic Republic"},
		// The other side's kept name holds the lost state ("Lithuanian
		// Soviet Socialist Republic"), and the side's own commander led
		// it: the lost name is that state.
		{"= Velm Winter War =\n\nInfobox\n- Date: 12 December 1918 – 31 August 1919\n- Combatant1: , Latvia\n- Combatant2: Soviet Russia, Lithuanian Soviet Socialist Republic\n- Commander1: Antanas Smetona\n- Commander2: Jukums Vācietis\n\n" +
			"The Velm Winter War was fought in 1919 by the young Lithuanian army, with help from Latvia in its last weeks, against the Red Army and the Lithuanian Soviet Socialist Republic that Moscow set up behind it.\n", 0, "Lithuania+Latvia"},
		// "White Russian Northwestern Army" is Russia's, which in 1919 is
		// Soviet Russia, a name the other side kept: no name this side
		// lost. The republic's own name is held by the other side's
		// "Latvian SSR", and no commander says it was this side's: the
		// lost name stays lost.
		{"= Velm Frontier War =\n\nInfobox\n- Date: 5 December 1918 – 11 August 1920\n- Combatant1: , Estonia\n- Combatant2: Soviet Russia, Latvian SSR\n- Commander1: Jānis Balodis\n- Commander2: Jukums Vācietis\n\n" +
			"The Velm Frontier War set the national army of the new republic, Estonian regiments and the White Russian Northwestern Army against the Red Army of Soviet Russia and the Latvian SSR it had proclaimed in Riga.\n", 0, "Estonia"},
		// A state the lead calls the place by, as it was then ("the
		// United Kingdom of the Netherlands") or is now, is none; the
		// parties told after it are.
		{"= Battle of Velm =\n\nInfobox\n- Date: 18 June 1815\n- Combatant1: French Empire\n- Combatant2: , , Hanover, Nassau\n\n" +
			"The Battle of Velm was fought on 18 June 1815 near Velm, a village in what was then the United Kingdom of the Netherlands and is now Belgium. A French army was defeated by a British army under Wellington and a Prussian army under Blücher.\n", 1, "United Kingdom+Prussia+Hanover+Nassau"},
		{"= Battle of Kolin Field =\n\nInfobox\n- Date: 29 August 1526\n- Combatant1: Ottoman Empire\n- Combatant2: , Kingdom of Croatia\n\n" +
			"The Battle of Kolin Field was fought on 29 August 1526 on the plain south of the town of Kolin, in the Kingdom of Hungary, between the army of Hungary and its allies and the army of the Ottoman Empire.\n", 1, "Kingdom of Hungary+Kingdom of Croatia"},
	} {
		a, err := plaintext.Read("x.txt", []byte(tt.text))
		if err != nil {
			t.Fatal(err)
		}
		c := x.Extract(a, testActors)
		if got := strings.Join(c.Sides[tt.side].Belligerents, "+"); got != tt.want {
			t.Errorf("%s: side %d %q, want %q", a.Title, tt.side+1, got, tt.want)
		}
	}
}

// A coalition's lost flags: two adjectives joined by an en dash before a
// force's own name are two parties ("the German–Italian Panzer Army"),
// states after a preposition of place and joined by "and" are places, a
// side that lost five names gets them all back, and "those of" a state
// after "the forces of" another names a party.
func TestLostFlagsOfACoalitionAreRecovered(t *testing.T) {
	x := statesExtractor(t)
	for _, tt := range []struct {
		text string
		want [2]string
	}{
		{"= Battle of Velm Ridge =\n\nInfobox\n- Date: 23 October 1942\n- Combatant1: United Kingdom\n- Combatant2: ,\n\n" +
			"The Battle of Velm Ridge was fought in October 1942. The British Eighth Army attacked the German–Italian Panzer Army Africa near the coast and drove it back across Egypt and Libya.\n",
			[2]string{"United Kingdom", "Germany+Italy"}},
		{"= Battle of Velm Ridge =\n\nInfobox\n- Date: 23 October 1942\n- Combatant1: , , , , , Free France\n- Combatant2: ,\n\n" +
			"The Battle of Velm Ridge was fought in October 1942. An army of divisions from the United Kingdom, Australia, New Zealand, South Africa and India, with Free French troops, attacked the German–Italian Panzer Army Africa near the coast.\n",
			[2]string{"United Kingdom+Australia+New Zealand+South Africa+India+Free France", "Germany+Italy"}},
		// "those of" stands for the forces told before it: a party, not
		// a place.
		{"= Battle of Velm Citadel =\n\nInfobox\n- Date: 31 January – 2 March 1968\n- Combatant1: ,\n- Combatant2: 22px, Viet Cong\n\n" +
			"The Battle of Velm Citadel was fought between the forces of South Vietnam and the United States on one side and those of North Vietnam and the Viet Cong on the other, from 31 January to 2 March 1968.\n",
			[2]string{"South Vietnam+United States", "North Vietnam+Viet Cong"}},
	} {
		checkSides(t, x, tt.text, tt.want)
	}
}

// A war's name of two states joined by an en dash ("the Chad–Niger
// Border War") sets them against each other, not on one side, though a
// word of it ("Border") may also name a force.
func TestADashedWarsNameSetsItsStatesApart(t *testing.T) {
	x := statesExtractor(t)
	for _, name := range []string{"Chad–Niger Border War", "Chad–Niger Border Clashes", "Chad–Niger War"} {
		text := "= " + name + " =\n\nInfobox\n- Date: 1983 – 1984\n- Combatant1: ,\n- Combatant2: , Supported by:, Libya\n\n" +
			"The " + name + " was fought along the river between the two neighbours Niger and Chad from 1983 to 1984.\n"
		a, err := plaintext.Read("x.txt", []byte(text))
		if err != nil {
			t.Fatal(err)
		}
		c := x.Extract(a, testActors)
		got := [2]string{strings.Join(c.Sides[0].Belligerents, "+"), strings.Join(c.Sides[1].Belligerents, "+")}
		if got[0] == "" || got[1] == "" || strings.Contains(got[0], "+") || strings.Contains(got[1], "+") {
			t.Errorf("%s: sides %q, want Chad and Niger apart (%v)", name, got, c.Sides[0].BelligerentsNote)
		}
	}
}

// The candidates weighed shrink as sides grow, so that the search over
// every placement stays bounded; never below six.
func TestCandidatesWeighedShrinkWithTheSides(t *testing.T) {
	for _, tt := range []struct{ sides, want int }{{1, 9}, {2, 9}, {3, 8}, {4, 7}, {5, 6}} {
		if got := candidateCap(tt.sides); got != tt.want {
			t.Errorf("candidateCap(%d) = %d, want %d", tt.sides, got, tt.want)
		}
	}
}

// A state's name at the end of a group's longer name, which the acronym
// after it spells out ("Front for the Liberation of Occupied Chad
// (FLOC)"), names the group, not the state: the state is not put on the
// group's side.
func TestAStateInsideAGroupsNameIsNotThatGroupsAlly(t *testing.T) {
	x := statesExtractor(t)
	for _, tt := range []struct {
		text string
		want [2]string
	}{
		{"= Velm War =\n\nInfobox\n- Date: 1983 – 1984\n- Combatant1: , FLOC, Velm League, Supported by:, Libya\n- Combatant2: , Supported by:, Algeria\n\n" +
			"The Velm War was a brief border war between Niger and Chad, fought in 1983 and 1984. Niger, together with armed exiles from the south belonging to the Front for the Liberation of Occupied Chad (FLOC) and the Velm League, was backed by Libya, while Chad was backed by Algeria.\n",
			[2]string{"Niger+FLOC+Velm League", "Chad"}},
		{"= Velm War =\n\nInfobox\n- Date: 1983 – 1984\n- Combatant1: , FLSC, Velm League, Supported by:, Libya\n- Combatant2: , Supported by:, Algeria\n\n" +
			"The Velm War was a brief border war between Niger and Chad, fought in 1983 and 1984. Niger, together with armed exiles from the south belonging to the Front for the Liberation of Southern Chad (FLSC) and the Velm League, was backed by Libya, while Chad was backed by Algeria.\n",
			[2]string{"Niger+FLSC+Velm League", "Chad"}},
		{"= Velm War =\n\nInfobox\n- Date: 1983 – 1984\n- Combatant1: , FLC, Velm League, Supported by:, Libya\n- Combatant2: , Supported by:, Algeria\n\n" +
			"The Velm War was a brief border war between Niger and Chad, fought in 1983 and 1984. Niger, together with armed exiles from the south belonging to the Front for the Liberation of Chad (FLC) and the Velm League, was backed by Libya, while Chad was backed by Algeria.\n",
			[2]string{"Niger+FLC+Velm League", "Chad"}},
	} {
		checkSides(t, x, tt.text, tt.want)
	}
}

// A state named as the modern holder of a place ("in present-day Chad",
// "in modern Chad") is where the fight was, not a party to it.
func TestAPresentDayStateIsAPlaceNotAParty(t *testing.T) {
	x := statesExtractor(t)
	for _, where := range []string{"present-day Chad", "modern-day Chad", "modern Chad"} {
		text := "= Battle of Velm =\n\nInfobox\n- Date: 4 May 1983\n- Combatant1: , Libya\n- Combatant2: Niger\n\n" +
			"The Battle of Velm was fought on 4 May 1983 on the slopes of the Velm massif, in " + where + ". It pitted the army of Sudan, reinforced by a column sent from Libya, against the army of Niger.\n"
		checkSides(t, x, text, [2]string{"Sudan+Libya", "Niger"})
	}
}

// A state whose name is hyphened ("Austria-Hungary", "Guinea-Bissau") is
// one name in the lead, and an empty combatant line is a name lost.
func TestAHyphenedStateIsRecoveredWhole(t *testing.T) {
	x := statesExtractor(t)
	for _, tt := range []struct {
		text string
		want [2]string
	}{
		{"= Battle of Velm =\n\nInfobox\n- Date: 2 – 9 June 1915\n- Combatant1: Italy\n- Combatant2: \n\n" +
			"The Battle of Velm was fought between Austria-Hungary and Italy in June 1915, on the heights above the river.\n", [2]string{"Italy", "Austria-Hungary"}},
		{"= Velm incident =\n\nInfobox\n- Date: 2 – 9 June 1998\n- Combatant1: Senegal\n- Combatant2: \n\n" +
			"The Velm incident was a border clash between Guinea-Bissau and Senegal in June 1998.\n", [2]string{"Senegal", "Guinea-Bissau"}},
	} {
		checkSides(t, x, tt.text, tt.want)
	}
}

// checkSides extracts the conflict of text, an article in the plain-text
// rendering, and checks its two sides' belligerents, joined by "+".
func checkSides(t *testing.T, x *Extractor, text string, want [2]string) {
	t.Helper()
	a, err := plaintext.Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	c := x.Extract(a, testActors)
	for s := range 2 {
		if got := strings.Join(c.Sides[s].Belligerents, "+"); got != want[s] {
			t.Errorf("side %d %q, want %q (%v)", s+1, got, want[s], c.Sides[s].BelligerentsNote)
		}
	}
}

// A combatant line's official name is the state's common short name
// where that state existed then ("Kingdom of Norway" in 1950 is Norway),
// and stays as written where it did not: the Kingdom of Norway of 1066
// is not the state founded in 1905. Without a table of states, the
// common name.
func TestAnOfficialNameIsKeptBeforeItsStateExisted(t *testing.T) {
	x := statesExtractor(t)
	const text = "= Fjord raid =\n\nInfobox\n- Date: 25 September %d\n- Combatant1: Kingdom of Denmark\n- Combatant2: Kingdom of Norway | Free Ostran Company\n\nThe Fjord raid was fought between Danish and Norwegian crews.\n"
	for _, tt := range []struct {
		year   int
		x      *Extractor
		first  string
		second string
	}{
		{1066, x, "Kingdom of Denmark", "Kingdom of Norway"},
		{1950, x, "Denmark", "Norway"},
		{1066, nil, "Denmark", "Norway"},
	} {
		c := extractWith(t, tt.x, "fjord.txt", []byte(fmt.Sprintf(text, tt.year)))
		got := [2]string{strings.Join(c.Sides[0].Belligerents, "+"), strings.Join(c.Sides[1].Belligerents, "+")}
		if want := [2]string{tt.first, tt.second + "+Free Ostran Company"}; got != want {
			t.Errorf("%d (states %v): sides %q, want %q", tt.year, tt.x != nil, got, want)
		}
	}
}

// A polity named with a word of age or rank before its people's adjective
// ("the Old Swiss Confederacy") is recovered whole, and soldiers of the
// ages before rifles ("the pikemen of", "the archers of") make the polity
// after "of" a party, as "the troops of" does; a place "in the north of"
// it does not.
func TestAPolityAfterItsSoldiersIsRecoveredWhole(t *testing.T) {
	x := statesExtractor(t)
	const text = "= Battle of Zell =\n\nInfobox\n- Date: 13 September 1515\n- Combatant1: Kingdom of France\n- Combatant2: , Duchy of Milan\n\nThe Battle of Zell was fought on 13 September 1515. %s\n"
	for _, tt := range []struct{ lead, want string }{
		{"A French army met the pikemen of the Old Swiss Confederacy near Zell.", "Old Swiss Confederacy+Duchy of Milan"},
		{"A French army met the archers of the Great Ostran Khanate near Zell.", "Great Ostran Khanate+Duchy of Milan"},
		{"A French army marched in the north of the Great Ostran Khanate.", "Duchy of Milan"},
	} {
		a, err := plaintext.Read("zell.txt", []byte(fmt.Sprintf(text, tt.lead)))
		if err != nil {
			t.Fatal(err)
		}
		c := x.Extract(a, testActors)
		if got := strings.Join(c.Sides[1].Belligerents, "+"); got != tt.want {
			t.Errorf("%q: side 2 %q, want %q", tt.lead, got, tt.want)
		}
	}
}

// extractWith reads data, an article named name, and extracts its
// conflict with x, or with the package's Extract when x is nil.
func extractWith(t *testing.T, x *Extractor, name string, data []byte) *annalist.Conflict {
	t.Helper()
	a, err := plaintext.Read(name, data)
	if err != nil {
		t.Fatal(err)
	}
	if x != nil {
		return x.Extract(a, testActors)
	}
	return Extract(a, testActors)
}

// A state named as land beside which, or out of which, something happened
// ("south of the Ostran border", "from occupied Ostra") is a place, not
// the lost name of a side; the state whose forces the lead names is.
func TestALandNamedAsAPlaceIsNoLostBelligerent(t *testing.T) {
	const text = "= Battle of Kamen =\n\nInfobox\n- Date: 29 January 1991\n- Combatant1: Zembria, United States,\n- Combatant2: Iraq\n\n%s Zembrian battalions and Qatari tanks retook the town.\n"
	for _, lead := range []string{
		"It was fought at Kamen, a few kilometres south of the Kuwaiti border, in 1991.",
		"Iraq ordered an incursion into Zembria from occupied Kuwait in 1991.",
	} {
		c := extractWith(t, nil, "kamen.txt", []byte(fmt.Sprintf(text, lead)))
		if got := strings.Join(c.Sides[0].Belligerents, "+"); got != "Zembria+United States+Qatar" {
			t.Errorf("%q: side 1 %q, want Zembria+United States+Qatar", lead, got)
		}
	}
}

// A verb of support coordinated after a party ("ended its support of
// Chad and supported Libya") has its own subject, the patron: the two
// parties it stands between are not joined on one side, and the lost
// name of the other side is recovered.
func TestASecondVerbOfSupportJoinsNoParties(t *testing.T) {
	x := statesExtractor(t)
	for _, tt := range []struct {
		text string
		want [2]string
	}{
		{"= Velm War =\n\nInfobox\n- Date: 1986 – 1987\n- Combatant1: , Armed Forces of the North\n- Combatant2: , Algeria, Supported by:, Soviet Union\n- Commander1: Hissène Habré\n- Commander2: Muammar Gaddafi\n\n" +
			"The Velm War was fought between Chad and Libya in 1986 and 1987. Their patron's disapproval led it to end its support of Chad and to support Libya instead.\n",
			[2]string{"Chad+Armed Forces of the North", "Libya+Algeria"}},
		{"= Velm War =\n\nInfobox\n- Date: 1986 – 1987\n- Combatant1: , Armed Forces of the North\n- Combatant2: , Algeria, Supported by:, Soviet Union\n- Commander1: Hissène Habré\n- Commander2: Muammar Gaddafi\n\n" +
			"The Velm War was fought between Chad and Libya in 1986 and 1987. Their patron, displeased, ended its support of Chad and supported Libya instead.\n",
			[2]string{"Chad+Armed Forces of the North", "Libya+Algeria"}},
	} {
		checkSides(t, x, tt.text, tt.want)
	}
}

// A list of states in the lead ("fought among the Soviet Union,
// Mongolia, Japan and Manchukuo") sets none of them beside another: each
// lost name goes where the side's own clues put it. A state in
// apposition with its possessive ("Manchukuo, Japan's puppet state")
// still goes with the state before it.
func TestAListOfStatesIsNoApposition(t *testing.T) {
	x := statesExtractor(t)
	box := "= Battles of Vel Gol =\n\nInfobox\n- Date: May – September 1939\n- Combatant1: ,\n- Combatant2: ,\n- Commander1: Georgy Zhukov, Khorloogiin Choibalsan\n- Commander2: Kenkichi Ueda, Rippei Ogisu\n\n"
	checkSides(t, x, box+"The Battles of Vel Gol were the last engagements of the undeclared border conflicts fought among the Soviet Union, Mongolia, Japan and Manchukuo in 1939.\n",
		[2]string{"Soviet Union+Mongolia", "Japan+Manchukuo"})
	checkSides(t, x, box+"The Battles of Vel Gol were fought between the Soviet Union and Mongolia on one side and Manchukuo, Japan's puppet state, on the other in 1939.\n",
		[2]string{"Soviet Union+Mongolia", "Manchukuo+Japan"})
}

// Adjectives coordinated before one plural noun of polity or force name
// as many parties ("between the Russian and Ottoman empires", "the
// Velmish and the Ostran kingdoms", "British and French governments"),
// with or without an article before each.
func TestCoordinatedAdjectivesBeforeOnePolityNounNameTheirStates(t *testing.T) {
	x := statesExtractor(t)
	box := "= Battle of Kell =\n\nInfobox\n- Date: 22 December 1914\n- Combatant1: , Velmish volunteers\n- Combatant2: , Supported by:, German Empire\n\n"
	for _, lead := range []string{
		"The Battle of Kell was an engagement between the Russian and Ottoman empires during the First World War.",
		"The Battle of Kell was fought between the Russian and the Ottoman armies in the winter of 1914.",
		"In the winter of 1914 the Russian and Ottoman governments fought the Battle of Kell.",
	} {
		checkSides(t, x, box+lead+"\n", [2]string{"Russia+Velmish volunteers", "Ottoman Empire"})
	}
}

// A state the lead names in full ("the self-declared Republic of
// Velmora") is the one a combatant line kept by its place ("Velmora"):
// no lost name of another side, and no second belligerent beside it.
func TestAStateNamedInFullIsTheOneKeptByItsPlace(t *testing.T) {
	x := statesExtractor(t)
	for _, c1 := range []string{", Supported by:, Turkey", "Azerbaijan, Supported by:, Turkey"} {
		text := "= Kell War =\n\nInfobox\n- Date: 27 September – 10 November 2020\n- Combatant1: " + c1 + "\n- Combatant2: Velmora, Armenia\n\n" +
			"The Kell War was an armed conflict in 2020. It was fought between Azerbaijan, supported by Turkey, and the self-declared Republic of Velmora together with Armenia.\n"
		checkSides(t, x, text, [2]string{"Azerbaijan", "Velmora+Armenia"})
	}
}

// A state whose capital or territory the lead tells taken or struck
// ("the capture of Kell, capital of the Velmish Empire, by the Ostrans")
// is the party the fight was against, and its name the one the side
// lost; one near whose capital the fight was is a place.
func TestAStateWhoseSeatWasStruckIsAParty(t *testing.T) {
	x := statesExtractor(t)
	box := "= Fall of Kell =\n\nInfobox\n- Date: 6 April – 29 May 1453\n- Combatant1: Ottoman Empire, Serbian Despotate\n- Combatant2: , Genoese volunteers, Republic of Venice\n\n"
	for _, lead := range []string{
		"The fall of Kell was the capture of Kell, capital of the Byzantine Empire, by the Ottoman Empire.",
		"The fall of Kell was the conquest of the capital of the Byzantine Empire by the Ottoman Empire.",
		"The Ottoman Empire besieged the capital of the Byzantine Empire in the spring of 1453.",
	} {
		checkSides(t, x, box+lead+"\n", [2]string{"Ottoman Empire+Serbian Despotate", "Byzantine Empire+Genoese volunteers+Republic of Venice"})
	}
	checkSides(t, x, box+"The fall of Kell was a siege fought by the Ottoman Empire near the capital of the Byzantine Empire in 1453.\n",
		[2]string{"Ottoman Empire+Serbian Despotate", "Genoese volunteers+Republic of Venice"})
}
