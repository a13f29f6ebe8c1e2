package event

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
)

// oneClash extracts the single clash text tells, in a conflict between
// Zembria and Ostra.
func oneClash(t *testing.T, text string) *annalist.Event {
	t.Helper()
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Fighting==\n"+text+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := Extract(a, c, tab)
	if len(evs) != 1 {
		t.Fatalf("%q: %d events, want 1", text, len(evs))
	}
	return &evs[0]
}

// clashCounts is the text of one clash and the losses it gives Zembria
// and Ostra, as sideCounts writes them.
type clashCounts struct{ text, zembria, ostra string }

// checkClashCounts extracts each text's clash and checks its losses.
func checkClashCounts(t *testing.T, tests []clashCounts) {
	t.Helper()
	for _, tt := range tests {
		ev := oneClash(t, tt.text)
		if got := sideCounts(ev, "Zembria"); got != tt.zembria {
			t.Errorf("%q: Zembria %s, want %s", tt.text, got, tt.zembria)
		}
		if got := sideCounts(ev, "Ostra"); got != tt.ostra {
			t.Errorf("%q: Ostra %s, want %s", tt.text, got, tt.ostra)
		}
	}
}

// Losses told in other word orders: the verb before the number, "N of
// the …", nouns the lexicon does not list as people, a clause of its own.
func TestLossesInOtherWordOrders(t *testing.T) {
	tests := []clashCounts{
		{"On 4 May 1790, Ostran sloops intercepted a Zembrian brig and killed 12 of the passengers.", "12/-/-", "-/-/-"},
		{"On 4 May 1790, a Zembrian gunboat was sunk by Ostran shore batteries, killing five crew members.", "5/-/-", "-/-/-"},
		{"On 4 May 1790, a Zembrian ambush killed 11 Ostran rangers and wounded 16 more.", "-/-/-", "11/16/-"},
		{"On 4 May 1790, Zembrian troops crossed the river, and an Ostran company sent against them was driven off with eight wounded.", "-/-/-", "-/8/-"},
		{"On 4 May 1790, the Zembrians killed 19 Ostran soldiers and captured two, at a cost of two dead.", "2/-/-", "19/-/2"},
		{"On 4 May 1790, a Zembrian border guard was killed in an encounter near the ford.", "1/-/-", "-/-/-"},
		{"On 4 May 1790, a gun battle broke out at the ford, killing two Zembrian soldiers and one Ostran soldier.", "2/-/-", "1/-/-"},
		{"On 4 May 1790, shelling along the river killed three Zembrian soldiers and four Ostran soldiers.", "3/-/-", "4/-/-"},
		{"On 4 May 1790, Zembrian and Ostran patrols clashed at the ford. Ten Ostran soldiers were captured and released the next day.", "-/-/-", "-/-/10"},
		{"On 4 May 1790, Zembrian troops stormed the Ostran post at the ford, losing twenty-three men killed.", "23/-/-", "-/-/-"},
		// Losses of the day after, told with no fighting of their own,
		// are the clash's: "2,800 wounded" is suffered, not done.
		{"On 4 May 1790, Zembrian troops launched a general assault on the Ostran forts. When the attempt was given up the next evening, the attackers had lost some 1,100 dead and 2,800 wounded.", "1100/2800/-", "-/-/-"},
		// After a passive, the participle's subject is the passive's, not
		// its agent.
		{"On 4 May 1790, a few hundred horsemen who rode out of the ford were scattered by the Ostran vanguard, losing some 40 men.", "40/-/-", "-/-/-"},
		{"On 4 May 1790, a firefight erupted at the ford between Zembrian and Ostran patrols, with up to 200 dead on the Ostran side.", "-/-/-", "-/-/-"},
		{"On 4 May 1790, Ostran dragoons attacked the ford and an Ostran officer was wounded.", "-/-/-", "-/1/-"},
		{"On 4 May 1790, Ostran batteries at the ford sank a Zembrian gunboat, killing its crew of nine.", "9/-/-", "-/-/-"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran post at the ford; the Zembrians lost 12 men, the Ostrans 30.", "12/-/-", "30/-/-"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran post at the ford; Zembria lost 12 men, Ostra 30.", "12/-/-", "30/-/-"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran post at the ford. The enemy lost 300 men.", "-/-/-", "300/-/-"},
		{"On 4 May 1790, a Zembrian patrol attacked Ostran pickets at the ford, and in the exchange of fire that followed the enemy lost 7 men.", "-/-/-", "7/-/-"},
		{"On 4 May 1790, Zembrian troops stormed the Ostran post at the ford, capturing 67 guns and 40 men.", "-/-/-", "-/-/40"},
		{"On 4 May 1790, Ostran batteries at the ford sank a Zembrian brig, killing all 40 sailors aboard.", "40/-/-", "-/-/-"},
		{"On 4 May 1790, a Zembrian brig was lost with 16 men at the ford after an attack by Ostran gunboats.", "16/-/-", "-/-/-"},
		{"On 4 May 1790, Ostran gunboats attacked a Zembrian brig at the ford, and it was lost with 16 men.", "16/-/-", "-/-/-"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran post at the ford. The Zembrians suffered 415 casualties, including 94 killed.", "94/-/-", "-/-/-"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran post at the ford. The Zembrians suffered 415 casualties.", "-/-/-", "-/-/-"},
		{"On 4 May 1790, Ostran troops attacked the ford; the Zembrians reported 150 Ostrans killed for the loss of 18 of their own.", "18/-/-", "150/-/-"},
		{"On 4 May 1790, Ostran troops attacked the ford, and the defenders lost 18 of their own.", "18/-/-", "-/-/-"},
		{"On 4 May 1790, Ostran troops attacked the ford, where the defenders lost 18 men and killed 150.", "18/-/-", "150/-/-"},
		{"The last major clash took place on 4 May 1790, when Zembrian troops overran an Ostran company at the ford, taking 27 prisoners.", "-/-/-", "-/-/27"},
		{"On 4 May 1790 the battle at the ford ended in a Zembrian rout: the Ostrans lost 17 killed and 124 wounded.", "-/-/-", "17/124/-"},
		{"On 4 May 1790 Ostran troops assaulted the ford; the attackers lost 300 dead.", "-/-/-", "300/-/-"},
		{"On 4 May 1790 Ostran troops attacked the Zembrian post at the ford. They lost 20 men before withdrawing.", "-/-/-", "20/-/-"},
		{"On 4 May 1790 Ostran troops attacked the Zembrian positions at the ford and were driven back with 72 killed.", "-/-/-", "72/-/-"},
		{"On 4 May 1790 a brigade attacked the Zembrian positions at the ford and was driven back with 72 killed.", "-/-/-", "72/-/-"},
		{"On 4 May 1790 Ostran and Zembrian patrols fought with sticks at the ford, and three Zembrian soldiers were hurt.", "-/3/-", "-/-/-"},
		{"On 4 May 1790 Ostran troops besieged the Zembrian fort at the ford. A relief column was ambushed on the road and lost 35 men.", "35/-/-", "-/-/-"},
		{"On 4 May 1790 Ostran troops assaulted the Zembrians at the ford, and the defenders lost 30 men.", "30/-/-", "-/-/-"},
		{"On 4 May 1790 Zembrian gunboats sank two Ostran sloops at the ford. Both Ostran captains were killed.", "-/-/-", "2/-/-"},
		{"On 4 May 1790 two Ostran sloops were sunk at the ford by Zembrian gunboats; 40 sailors perished.", "-/-/-", "40/-/-"},
		{"On 4 May 1790 two Zembrian balloons were shot down over the ford by Ostran riflemen; both pilots were captured.", "-/-/2", "-/-/-"},
		{"On 4 May 1790 a Zembrian soldier was killed by Ostran fire near the ford.", "1/-/-", "-/-/-"},
		{"On 4 May 1790 a Zembrian soldier was shot dead by Ostran guards near the ford.", "1/-/-", "-/-/-"},
		{"On 4 May 1790 Ostran guards killed a Zembrian soldier near the ford.", "1/-/-", "-/-/-"},
		{"On 4 May 1790 Ostran snipers shot dead two Zembrian sentries near the ford.", "2/-/-", "-/-/-"},
		{"On 4 May 1790 Zembrian and Ostran patrols clashed at the ford, and both sides lost men; both Zembrian officers were wounded.", "-/2/-", "-/-/-"},
		// The noun left out after "lost"; a compound the noun of people
		// heads; a colon after a party's losses tells them.
		{"On 4 May 1790 the Zembrians routed the Ostrans at the ford; the Zembrians lost about 300.", "300/-/-", "-/-/-"},
		{"On 4 May 1790 the Zembrians routed the Ostrans at the ford. Ostran losses were 4,000 killed, while the Zembrians lost about 300.", "300/-/-", "4000/-/-"},
		{"On 4 May 1790 the Zembrians routed the Ostrans at the ford. About 4,000 Ostran men-at-arms were killed.", "-/-/-", "4000/-/-"},
		{"On 4 May 1790 the Zembrians routed the Ostrans at the ford. Ostran losses were heavy: perhaps 4,000 men were killed.", "-/-/-", "4000/-/-"},
		{"On 4 May 1790 the Zembrians routed the Ostrans at the ford. The Zembrians lost 300 tanks.", "-/-/-", "-/-/-"},
		{"On 4 May 1790 the Zembrians stormed the Ostran town at the ford; some 2,500 Ostran soldiers and townsmen were killed.", "-/-/-", "2500/-/-"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran post at the ford; casualties on the Ostran side were 12 dead and 30 wounded.", "-/-/-", "12/30/-"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran post at the ford. Losses on the Zembrian side were 3 killed; on the Ostran side 12 were killed.", "3/-/-", "12/-/-"},
		// A pronoun subject is the party the sentence before named.
		{"On 4 May 1790 the Zembrian army crossed the river at the ford. It attacked the camp on the bank, losing 40 men.", "40/-/-", "-/-/-"},
		{"On 4 May 1790 the Ostrans were attacked at the ford. They lost 40 men.", "-/-/-", "40/-/-"},
	}
	checkClashCounts(t, tests)
}

// One person named with "the", "its" or "their" counts one when a loss is
// told of them; a person doing the killing, or many people, do not.
func TestOnePersonNamedInTheSingular(t *testing.T) {
	checkClashCounts(t, []clashCounts{
		{"On 4 May 1790, Ostran dragoons ambushed a Zembrian patrol at the ford, and the Zembrian patrol commander died.", "1/-/-", "-/-/-"},
		{"On 4 May 1790, Zembrian gunners shot down an Ostran aircraft over the ford; its Ostran pilot was captured.", "-/-/-", "-/-/1"},
		{"On 4 May 1790, Zembrian gunners shot down an Ostran aircraft over the ford; its pilot was killed.", "-/-/-", "1/-/-"},
		{"On 4 May 1790, an Ostran aircraft was shot down by a Zembrian battery over the ford, and its pilot was killed.", "-/-/-", "1/-/-"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran post at the ford, where the Ostran captain was wounded.", "-/-/-", "-/1/-"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran post at the ford, where the Ostran soldiers were wounded.", "-/-/-", "-/-/-"},
		{"On 4 May 1790, at the ford a Zembrian soldier killed two Ostran soldiers.", "-/-/-", "2/-/-"},
	})
}

// Prisoners and missing people credited to neither side are kept, and a
// count that gives one figure has it as its best estimate.
func TestUncreditedCapturesAndBestEstimates(t *testing.T) {
	ev := oneClash(t, "On 4 May 1790, Zembrian and Ostran patrols clashed at the ford; 30 men were taken prisoner and 4 went missing on both sides.")
	if low(ev.CapturedUnknown) != "30" {
		t.Errorf("captured_unknown %s, want 30", low(ev.CapturedUnknown))
	}
	for _, tt := range []struct {
		text string
		best string
	}{
		{"On 4 May 1790, Ostran troops attacked the fort, and about 600 Zembrian soldiers were killed.", "600"},
		{"On 4 May 1790, Ostran troops attacked the fort, and at least 40 Zembrian soldiers were killed.", "40"},
		{"On 4 May 1790, Ostran troops attacked the fort, and 40–60 Zembrian soldiers were killed.", "-"},
	} {
		ev := oneClash(t, tt.text)
		c := ev.DeathsA
		if !strings.Contains(strings.Join(ev.SideA, ","), "Zembria") {
			c = ev.DeathsB
		}
		got := "-"
		if c != nil && c.Best != nil {
			got = itoa(*c.Best)
		}
		if got != tt.best {
			t.Errorf("%q: best %s, want %s", tt.text, got, tt.best)
		}
	}
}

// A later time of the day that opens with fighting of its own tells
// another clash of that day; the same day's losses stay with their clash.
func TestATimeOfTheDayOpensAnotherClash(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	text := "On 4 May 1790, Ostran gunners shelled the Zembrian villages by the ford. " +
		"In the evening an exchange of artillery fire across the river left four Ostran soldiers dead. " +
		"During the following two days both sides raided each other's outposts.\n"
	a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Fighting==\n"+text))
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := Extract(a, c, tab)
	var got []string
	for _, ev := range evs {
		got = append(got, ev.DateStart.String()+".."+ev.DateEnd.String()+" "+sideCounts(&ev, "Ostra"))
	}
	want := "1790-05-04..1790-05-04 -/-/-|1790-05-04..1790-05-04 4/-/-|1790-05-05..1790-05-06 -/-/-"
	if strings.Join(got, "|") != want {
		t.Errorf("clashes %q, want %q", strings.Join(got, "|"), want)
	}
}

// "on the X side" after a loss names whose it is, even where the clause
// names both sides before it.
func TestLossOnOneSideAfterTheLossWord(t *testing.T) {
	ev := oneClash(t, "On 4 May 1790, a firefight erupted at the ford between Zembrian and Ostran patrols, with up to 200 dead on the Ostran side.")
	c := ev.DeathsA
	if strings.Join(ev.SideB, ",") == "Ostra" {
		c = ev.DeathsB
	}
	if c == nil || c.High == nil || *c.High != 200 || c.Low != nil {
		t.Errorf("Ostra's dead %+v, want up to 200 (no low)", c)
	}
	if ev.DeathsUnknown != nil {
		t.Errorf("deaths_unknown %+v, want none", ev.DeathsUnknown)
	}
}

// In a war of a state against an armed group, "insurgents" are the
// group's dead and "soldiers" the state's, where the text names no party.
func TestRebelsAndSoldiersInAWarOfAStateAgainstAGroup(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Highland Liberation Front"}}}}
	for _, tt := range []struct{ text, want string }{
		{"On 2 April 1998, the army raided a camp near Thawang; 14 insurgents were killed and 3 soldiers wounded.", "14/-/- -/3/-"},
		// The subject named by its role takes the ones its verb took.
		{"On 2 April 1998 security forces raided a camp near Thawang, killing 23 insurgents and capturing 14.", "23/-/14 -/-/-"},
		// A clause of its own names its subject by its role.
		{"On 2 April 1998 Highland Liberation Front fighters attacked the garrison at Thawang; the army lost six men.", "-/-/- 6/-/-"},
	} {
		evs := clashesUnder(t, tab, c, "Course", tt.text)
		if len(evs) != 1 {
			t.Fatalf("%q: %d events", tt.text, len(evs))
		}
		ev := &evs[0]
		if got := sideCounts(ev, "Highland Liberation Front") + " " + sideCounts(ev, "Zembria"); got != tt.want {
			t.Errorf("%q: front, state = %s, want %s", tt.text, got, tt.want)
		}
	}
}

// The adjective a belligerent's longer name opens with stands for it
// ("Bohemian soldiers" of the "Bohemian Confederation").
func TestTheAdjectiveOfALongerNameIsItsParty(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Bohemian Confederation"}}, {Belligerents: []string{"Holy Roman Empire"}}}}
	a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Course==\nOn 8 November 1620, the Imperial army attacked the rebels near Prague. About 4,000 Bohemian soldiers fell.\n"))
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := Extract(a, c, tab)
	if len(evs) != 1 {
		t.Fatalf("%d events", len(evs))
	}
	if got := sideCounts(&evs[0], "Bohemian Confederation"); got != "4000/-/-" {
		t.Errorf("Bohemian Confederation %s, want 4000/-/-", got)
	}
	if strings.Join(evs[0].SideA, ",") != "Holy Roman Empire" {
		t.Errorf("side a %v, want the imperial army's Holy Roman Empire", evs[0].SideA)
	}
}

// The men of an army the conflict names by several words are called by
// the words before "Army": "the Green Banners" and "the Green Banner
// posts" are the Green Banner Army's, not its side's first belligerent.
func TestAnArmysMenAreCalledByItsName(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Sides[1].Belligerents = append(c.Sides[1].Belligerents, "Green Banner Army")
	for _, text := range []string{
		"On 15 August 1883 the Zembrian column attacked the Green Banners at Kell.",
		"On 15 August 1883 the Zembrian column attacked the Green Banner posts at Kell.",
	} {
		evs := clashesUnder(t, tab, c, "Course", text)
		if len(evs) != 1 {
			t.Fatalf("%q: %d events", text, len(evs))
		}
		if got := strings.Join(evs[0].SideB, ","); got != "Green Banner Army" {
			t.Errorf("%q: side b %q, want Green Banner Army", text, got)
		}
	}
}

// "Imperial" is the one belligerent named an empire, and beside other
// empires the Holy Roman Empire, whichever side it is on.
func TestImperialNamesTheEmpire(t *testing.T) {
	tab := loadActors(t)
	for _, tt := range []struct {
		sides [2][]string
		want  string
	}{
		{[2][]string{{"Spanish Empire", "Holy Roman Empire"}, {"Sweden"}}, "Holy Roman Empire"},
		{[2][]string{{"Poland", "Holy Roman Empire"}, {"Ottoman Empire"}}, "Holy Roman Empire"},
		{[2][]string{{"Russian Empire"}, {"Sweden"}}, "Russian Empire"},
	} {
		c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: tt.sides[0]}, {Belligerents: tt.sides[1]}}}
		a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Course==\nOn 22 July 1634 the Imperial army stormed the camp at Velm.\n"))
		if err != nil {
			t.Fatal(err)
		}
		evs, _ := Extract(a, c, tab)
		got := ""
		if len(evs) == 1 {
			got = strings.Join(evs[0].SideA, ",")
		}
		if got != tt.want {
			t.Errorf("%v: side a %q, want %q", tt.sides, got, tt.want)
		}
	}
}

// Things lost in a clash, by whose they were: the verb before the number
// ("sank two patrol boats"), a make's name glued as one ("MiG-21s"), and
// the place after them not taken into their name ("oil terminals near").
func TestMaterielInOtherWordOrders(t *testing.T) {
	tests := []struct{ text, want string }{
		{"On 4 May 1790, Ostran gunboats sank two Zembrian patrol boats off the cape.", "Zembria:patrol boats:sank:2"},
		{"On 4 May 1790, two Zembrian MiG-21s were shot down over the ford.", "Zembria:MiG-21s:shot down:2"},
		{"On 4 May 1790, the Ostran navy attacked the port and destroyed two oil terminals near the harbour.", "Zembria:oil terminals:destroyed:2"},
		{"On 4 May 1790, Zembrian troops attacked the ford and lost three tanks.", "Zembria:tanks:lost:3"},
	}
	for _, tt := range tests {
		ev := oneClash(t, tt.text)
		var got []string
		for _, m := range ev.Materiel {
			side := ""
			switch m.Side {
			case "a":
				side = strings.Join(ev.SideA, ",")
			case "b":
				side = strings.Join(ev.SideB, ",")
			}
			low := -1
			if m.Count.Low != nil {
				low = *m.Count.Low
			}
			got = append(got, fmt.Sprintf("%s:%s:%s:%d", side, m.What, *m.Status, low))
		}
		if strings.Join(got, ";") != tt.want {
			t.Errorf("%q: materiel %q, want %q", tt.text, got, tt.want)
		}
	}
}

// "neither side suffered casualties" is no dead and no wounded on each
// side; "neither side suffered heavy casualties" says nothing of numbers.
func TestNeitherSideSufferedCasualties(t *testing.T) {
	tests := []clashCounts{
		{"On 4 May 1790, Zembrian and Ostran patrols exchanged fire at the ford; neither side suffered casualties.", "0/0/-", "0/0/-"},
		{"On 4 May 1790, Zembrian and Ostran patrols exchanged fire at the ford; neither side suffered any losses.", "0/0/-", "0/0/-"},
		{"On 4 May 1790, Zembrian and Ostran patrols exchanged fire at the ford; neither side suffered heavy casualties.", "-/-/-", "-/-/-"},
	}
	checkClashCounts(t, tests)
}

// A clash of one dated day that the sentence says lasted days runs that
// many; "after a three-day battle" it ended on the day.
func TestFightDaysStretchTheClash(t *testing.T) {
	tests := []struct{ text, start, end string }{
		{"On 4 May 1790 Zembrian and Ostran troops fought for two days at the ford.", "1790-05-04", "1790-05-05"},
		{"On 4 May 1790 a three-day battle began between Zembrian and Ostran troops at the ford.", "1790-05-04", "1790-05-06"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran fort, and the battle lasted five days.", "1790-05-04", "1790-05-08"},
		{"On 4 May 1790, after a three-day battle, the Ostran fort fell to Zembrian troops.", "1790-05-02", "1790-05-04"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran fort after four days of shelling.", "1790-05-04", "1790-05-04"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran fort, which fell after eleven days of fighting.", "1790-05-04", "1790-05-15"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran fort, which fell after two weeks.", "1790-05-04", "1790-05-18"},
		{"On 4 May 1790 Zembrian troops besieged the Ostran fort, which was taken after nine days.", "1790-05-04", "1790-05-13"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran fort after two weeks of shelling.", "1790-05-04", "1790-05-04"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran fort. After a four-day battle the Ostran garrison broke.", "1790-05-04", "1790-05-07"},
		{"On 4 May 1790 Zembrian troops attacked the Ostran fort and took it after two days.", "1790-05-04", "1790-05-06"},
		{"On 4 May 1790 Zembrian troops besieged the Ostran fort and captured it after nine days.", "1790-05-04", "1790-05-13"},
		// "and after two days of fighting" the side attacked gave up: the
		// fight of the date, those days long.
		{"On 4 May 1790 Zembrian troops attacked the Ostrans at the ford, and after two days of fighting the Ostrans broke off the action.", "1790-05-04", "1790-05-05"},
		// "in four days of fighting" after the date: the fight of the
		// date, those days long.
		{"On 5 January 1790 the Zembrian division attacked near the ford, but it ran into an Ostran ambush and in four days of fighting lost a hundred guns.", "1790-01-05", "1790-01-08"},
		{"On 5 January 1790 the Zembrian division attacked near the ford and during three days of hard fighting lost a hundred guns.", "1790-01-05", "1790-01-07"},
	}
	for _, tt := range tests {
		ev := oneClash(t, tt.text)
		if got, want := ev.DateStart.String()+".."+ev.DateEnd.String(), tt.start+".."+tt.end; got != want {
			t.Errorf("%q: %s, want %s", tt.text, got, want)
		}
	}
}

// "No one was killed" counts nobody: not one dead of no side.
func TestNoOneIsNobody(t *testing.T) {
	for _, text := range []string{
		"On 4 May 1790 Ostran guns shelled the Zembrian post at the ford. No one was killed.",
		"On 4 May 1790 Ostran guns shelled the Zembrian post at the ford, but no one was hurt.",
	} {
		ev := oneClash(t, text)
		if ev.DeathsUnknown != nil || ev.WoundedUnknown != nil {
			t.Errorf("%q: dead %v, wounded %v of no side; want none", text, ev.DeathsUnknown, ev.WoundedUnknown)
		}
	}
}

// A figure told of a side and again of no side is one figure, the side's;
// a different figure of no side stays.
func TestAFigureToldTwiceIsTheSides(t *testing.T) {
	for _, tt := range []struct{ text, zembria, unknown string }{
		{"On 4 May 1790, Zembrian and Ostran troops clashed at the ford, and four soldiers were killed. The Ostrans killed four Zembrian soldiers.", "4/-/-", "-"},
		{"On 4 May 1790, Zembrian and Ostran troops clashed at the ford, and nine soldiers were killed. The Ostrans killed four Zembrian soldiers.", "4/-/-", "9"},
	} {
		ev := oneClash(t, tt.text)
		if got := sideCounts(ev, "Zembria"); got != tt.zembria {
			t.Errorf("%q: Zembria %s, want %s", tt.text, got, tt.zembria)
		}
		got := "-"
		if ev.DeathsUnknown != nil && ev.DeathsUnknown.Low != nil {
			got = itoa(*ev.DeathsUnknown.Low)
		}
		if got != tt.unknown {
			t.Errorf("%q: dead of no side %s, want %s", tt.text, got, tt.unknown)
		}
	}
}

// "the allies" are the side made of more states than the other: their
// losses are that side's; with sides of one state each, no side's.
func TestTheAlliesAreTheCoalitionSide(t *testing.T) {
	tab := loadActors(t)
	text := "On 11 May 1745 a French army defeated an allied army of British, Dutch and Austrian troops at Fontenoy; the allies lost about 7,500 men."
	for _, tt := range []struct {
		sides [2][]string
		who   string
		want  string
	}{
		{[2][]string{{"France", "Bavaria"}, {"Great Britain", "Dutch Republic", "Austria"}}, "Great Britain", "7500/-/-"},
		{[2][]string{{"France"}, {"Great Britain"}}, "Great Britain", "-/-/-"},
	} {
		c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: tt.sides[0]}, {Belligerents: tt.sides[1]}}}
		evs := clashesUnder(t, tab, c, "Campaign", text)
		if len(evs) != 1 {
			t.Fatalf("%v: %d events", tt.sides, len(evs))
		}
		if got := sideCounts(&evs[0], tt.who); got != tt.want {
			t.Errorf("%v: %s %s, want %s", tt.sides, tt.who, got, tt.want)
		}
	}
}

// Men who surrendered were taken: a number before "surrendered" counts
// the captured of its side, and "surrendered to" the others names the
// side they were not.
func TestMenWhoSurrenderedAreCaptured(t *testing.T) {
	checkClashCounts(t, []clashCounts{
		{"On 8 January 1913 Zembrian troops laid siege to the Ostran fort at Lom. Two weeks later the garrison of about 6,000 men surrendered.", "-/-/-", "-/-/6000"},
		{"On 8 January 1913 Zembrian troops stormed the fort at Lom, and 600 Ostran soldiers surrendered.", "-/-/-", "-/-/600"},
		{"On 8 January 1913 the fort at Lom was stormed. Two days later its garrison of 600 men surrendered to the Zembrians.", "-/-/-", "-/-/600"},
		{"On 8 January 1913 the Ostrans stormed the fort at Lom, and its garrison of 600 men surrendered to them.", "-/-/600", "-/-/-"},
	})
	tab := loadActors(t)
	// The side the garrison gave itself up to is named by its part.
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria", "Velmia"}}, {Belligerents: []string{"Ostra"}}}}
	evs := clashesUnder(t, tab, c, "Siege", "The final assault on Karvo opened on 24 March 1913. Two days later the garrison of about 60,000 men surrendered to the allies, and Darsk Pasha gave up his sword.")
	if len(evs) != 1 {
		t.Fatalf("%d clashes, want 1", len(evs))
	}
	if got := sideCounts(&evs[0], "Ostra"); got != "-/-/60000" {
		t.Errorf("Ostra %s, want -/-/60000", got)
	}
}

// "In three days of fighting the Ostrans were thrown back", told after a
// clash of one dated day, runs it that many days; "After two days of
// fighting the corps broke" tells the breaking on the day after those
// two, so the clash runs to it.
func TestDaysOfFightingToldAfterTheClashStretchIt(t *testing.T) {
	tests := []struct{ text, want string }{
		{"On 22 October 1912 the Zembrian army attacked the Ostran lines near Karvo. After two days of fighting the Ostran corps broke and fell back.", "1912-10-22..1912-10-24"},
		{"On 22 January 1878 Zembrian units attacked the Ostran positions east of Varn. In three days of fighting the Ostrans were thrown back towards the river.", "1878-01-22..1878-01-24"},
		{"On 3 June 1655 the Zembrian fleet attacked the Ostran squadron off Kell. During four days of fighting neither admiral would give way.", "1655-06-03..1655-06-06"},
		// An adjective may stand between: "three days of frontal attacks".
		{"On 6 January 1916 the Zembrian advance guard came upon the Ostrans entrenched at Velo. In three days of frontal attacks over open ground the Zembrians forced them out.", "1916-01-06..1916-01-08"},
		{"On 2 September 1918 the Zembrian corps broke the Ostran line at Karvo. In four weeks of fighting since 8 August over 9,000 Ostran prisoners were taken.", "1918-09-02..1918-09-02"},
		{"On 23 March 1885 Zembrian troops attacked the Ostran forts at Dolno. The Ostrans killed 70 of the attackers in the two days of fighting.", "1885-03-23..1885-03-24"},
		// A bound with a withdrawal after it ends the fighting there.
		{"On 23 June 1884 a Zembrian column met an Ostran force near Kell, and the Ostrans opened fire. The column was pinned in the scrub until the next afternoon, when it broke contact and fell back.", "1884-06-23..1884-06-24"},
		{"On 23 June 1884 a Zembrian column met an Ostran force near Kell, and the Ostrans opened fire. The column waited in the scrub until the next afternoon, when the talks began.", "1884-06-23..1884-06-23"},
		{"On 9 April 1999 Zembrian fighters attacked the Ostran border post at Karvo. In the first days of fighting the post changed hands twice.", "1999-04-09..1999-04-09"},
	}
	for _, tt := range tests {
		ev := oneClash(t, tt.text)
		if got := ev.DateStart.String() + ".." + ev.DateEnd.String(); got != tt.want {
			t.Errorf("%q: dates %s, want %s", tt.text, got, tt.want)
		}
	}
}

// A clause that goes on from a clash told just before, in the passive
// and naming no side ("and on 13 February the line was broken"), was
// fought by the side that attacked in it; a word of breaking said of a
// line or front is a breakthrough, and "the remnants" of an encircled
// force are the side attacked.
func TestABreakthroughToldInThePassive(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	evs := clashesUnder(t, tab, c, "Breakthrough", "On 1 February 1940 the Ostrans opened a bombardment of the Zembrian lines at Summa. Ten days later the infantry attacked behind tanks, and on 13 February the line was broken near Karvo; the defenders lost some 1,500 men killed and 3,000 wounded.")
	if len(evs) != 3 {
		t.Fatalf("%d clashes, want 3", len(evs))
	}
	if got := strings.Join(evs[2].SideA, "+") + " " + sideCounts(&evs[2], "Zembria"); got != "Ostra 1500/3000/-" {
		t.Errorf("the breakthrough: side_a and Zembria's losses %q, want %q", got, "Ostra 1500/3000/-")
	}
	ev := oneClash(t, "On 11 December 1939 Zembrian ski troops cut the road, and the Ostran division was encircled. The encirclement lasted until 8 January 1940, when the remnants broke out across the lake, leaving 5,000 dead.")
	if got := sideCounts(ev, "Ostra"); got != "5000/-/-" {
		t.Errorf("encircled: Ostra %s, want 5000/-/-", got)
	}
}

// A number of people written with two parties of one side counts that
// side's ("4,000 Zembrian and Velmian soldiers"), and "N of them" the
// people the sentence's subject names; "24 civilians, 10 of them women"
// counts 24, and no force.
func TestAlliesAndThemInALoss(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria", "Velmia"}}, {Belligerents: []string{"Ostra"}}}}
	for _, tt := range []struct{ text, who, want string }{
		{"On 22 September 1866 the allies attacked the Ostran trenches. The assault was repulsed with the loss of some 4,000 Zembrian and Velmian soldiers.", "Zembria", "4000/-/-"},
		{"On 25 July 1868 the Ostran garrison abandoned the fortress and escaped across the lagoon; about 1,300 of them were captured.", "Ostra", "-/-/1300"},
		{"On 25 July 1868 Zembrian troops attacked the Ostran fortress. The garrison fled across the lagoon; about 1,300 of them were captured.", "Ostra", "-/-/1300"},
	} {
		evs := clashesUnder(t, tab, c, "Fighting", tt.text)
		if len(evs) != 1 {
			t.Errorf("%q: %d clashes, want 1", tt.text, len(evs))
			continue
		}
		if got := sideCounts(&evs[0], tt.who); got != tt.want {
			t.Errorf("%q: %s %s, want %s", tt.text, tt.who, got, tt.want)
		}
	}
	evs := clashesUnder(t, tab, c, "Fighting", "On 4 May 1868 Ostran marines raided Karvo, killing 24 civilians, 10 of them women and children.")
	if len(evs) != 1 || len(evs[0].ForcesA)+len(evs[0].ForcesB) != 0 || low(evs[0].DeathsCivilians) != "24" {
		t.Errorf("24 civilians, 10 of them women: %d clashes, or a force, or civilians dead other than 24", len(evs))
	}
}

// A part of a whole ("179 of its 250 defenders", "of its 250 defenders,
// 179") counts the part, of the side the whole's people are.
func TestAPartOfAWholeCountsThePart(t *testing.T) {
	checkClashCounts(t, []clashCounts{
		{"On 1 June 1921 Ostran fighters stormed the Zembrian post; 179 of its 250 defenders were killed.", "179/-/-", "-/-/-"},
		{"On 1 June 1921 Ostran fighters stormed the Zembrian post; of its 250 defenders, 179 were killed.", "179/-/-", "-/-/-"},
		{"On 1 June 1921 a Zembrian flying boat was shot down by Ostran fighters and lost with 9 of its 11 crew members.", "9/-/-", "-/-/-"},
	})
}

// A side that held out was the side attacked, as a passive's subject is:
// the siege runs from the day it began to hold out to its surrender, and
// the garrison that surrendered is its captured.
func TestASideThatHeldOutWasAttacked(t *testing.T) {
	ev := oneClash(t, "The last Zembrian troops in the east held out at Karvo from 29 July 1921. The garrison of some 3,000 men surrendered on 9 August.")
	if got := ev.DateStart.String() + ".." + ev.DateEnd.String(); got != "1921-07-29..1921-08-09" {
		t.Errorf("dates %s, want 1921-07-29..1921-08-09", got)
	}
	if got := strings.Join(ev.SideA, "+") + " " + sideCounts(ev, "Zembria"); got != "Ostra -/-/3000" {
		t.Errorf("side_a and Zembria's losses %q, want %q", got, "Ostra -/-/3000")
	}
}

// People named by their part in the clash ("40 attackers") are that
// side's, whoever the sentence credits with the figure ("Zembrian
// officials said").
func TestThePeoplesPartOutweighsTheSpeaker(t *testing.T) {
	checkClashCounts(t, []clashCounts{
		{"On 25 September 1921 Ostran units attacked Zembrian positions around Karvo. Zembrian officials said that 40 attackers were killed; the Ostrans claimed to have killed 15 Zembrian soldiers.", "15/-/-", "40/-/-"},
		{"On 25 September 1921 Ostran units attacked Zembrian positions around Karvo. Zembrian officials said that 12 defenders were wounded.", "-/12/-", "-/-/-"},
	})
}

// "killed and wounded" together is a total of casualties, neither the
// dead nor the wounded alone; each with a number of its own counts.
func TestKilledAndWoundedTogetherIsNoDeathToll(t *testing.T) {
	checkClashCounts(t, []clashCounts{
		{"On 9 July 1790 the Zembrian fleet attacked the Ostrans at Karvo. Zembrian losses were about 300 killed and wounded.", "-/-/-", "-/-/-"},
		{"On 9 July 1790 Zembrian troops took Karvo, with the entire Ostran garrison of 720 troops killed or wounded.", "-/-/-", "-/-/-"},
		{"On 9 July 1790 Zembrian troops attacked Karvo; the Zembrians lost 800 killed and 300 wounded.", "800/300/-", "-/-/-"},
		{"On 9 July 1790 Zembrian troops attacked Karvo; 800 Zembrians were killed and 300 wounded.", "800/300/-", "-/-/-"},
	})
}

// A side that fell back to other ground, "where" it was attacked again
// days later, fights a clash of its own there.
func TestAFightWhereASideFellBackIsAClashOfItsOwn(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	for _, tt := range []struct{ text, want string }{
		{"On 6 January 1916 the Zembrian advance guard attacked the Ostrans entrenched at Velo. The Ostrans withdrew upstream in good order to the Kamen stream, where the Zembrians attacked them again on 11 January.", "1916-01-06/1916-01-06 | 1916-01-11/1916-01-11"},
	} {
		if got := namedDates(clashesUnder(t, tab, c, "Course", tt.text), true); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Losses credited to a party for fighting told before and known by its
// time ("in the March fighting") are a sum over its clashes, no clash of
// their own and no one clash's; credited for "the clash" they are that
// clash's.
func TestLossesCreditedForFightingKnownByItsTimeAreNoClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 2 March 1969 Ostran troops ambushed a Zembrian patrol on the island. On 15 March Zembrian tanks attacked the island. According to Zembrian figures, 58 Zembrian soldiers were killed and 94 wounded in the March fighting.",
			[]string{"1969-03-02/1969-03-02", "1969-03-15/1969-03-15"}},
	})
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	evs := clashesUnder(t, tab, c, "Fighting", "On 2 March 1969 Ostran troops ambushed a Zembrian patrol on the island. According to Zembrian figures, 31 Zembrian border guards were killed in the clash.")
	if len(evs) != 1 {
		t.Fatalf("got %d clashes, want one", len(evs))
	}
	if d := evs[0].DeathsB; d == nil || d.Low == nil || *d.Low != 31 {
		t.Errorf("the clash's Zembrian dead: %+v, want 31", d)
	}
}
