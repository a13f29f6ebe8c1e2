package event

import (
	"fmt"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/plaintext"
)

// A war's narrative that told its background by years comes back to the
// war's own days without naming their year again: the infobox's dates
// say which year "On 12 March" is. A year told just before in the same
// paragraph, or a narrative already in the war's years, still governs.
func TestADayWithoutAYearAfterTheBackgroundIsTheWars(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velm rising =\n\nInfobox\n- Conflict: Velm rising\n- Date: 10–25 March 1844\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Velm rising of 1844 was a revolt of Zembria against Ostra.\n\n"
	tests := []struct {
		name, body string
		want       []string
	}{
		{
			"background in a section of its own",
			"==Background==\nOstran settlers came to the valley in 1761. When the villagers of Karvo resisted in May 1763, the settlers burned the village.\n\nIn 1839 the governor had twelve elders jailed.\n\n==Rising==\nOn 12 March Zembrian villagers attacked the Ostran post at Dolno.\n",
			[]string{"1844-03-12"},
		},
		{
			"the background's paragraph names the year",
			"==Background==\nThe quarrel first turned violent in 1838. On 12 March Zembrian villagers attacked the Ostran post at Dolno.\n",
			[]string{"1838-03-12"}, // not 1844: the war's prelude
		},
		{
			"a month after the background's day, past the war",
			"==Background==\nOn 20 June 1843 Ostran troops stormed the Zembrian fort at Karvo.\n\nNews of the loss reached the capital in August, and in September Zembrian troops attacked the Ostran post at Dolno.\n",
			[]string{"1843-06-20", "1843-09"}, // not August and September 1844, after the war
		},
		{
			"the narrative is already in the war's year",
			"==Rising==\nIn 1844 the governor had twelve elders jailed.\n\nOn 12 March Zembrian villagers attacked the Ostran post at Dolno.\n",
			[]string{"1844-03-12"},
		},
	}
	for _, tt := range tests {
		if got := articleClashes(t, tab, head+tt.body, false); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: clashes on %v, want %v", tt.name, got, tt.want)
		}
	}
}

// articleEvents reads an article, its infobox included, and returns its
// events.
func articleEvents(t *testing.T, tab *actor.Table, text string) []annalist.Event {
	t.Helper()
	a, err := plaintext.Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := Extract(a, infobox.Extract(a, tab), tab)
	return evs
}

// articleClashes reads an article, its infobox included, and returns the
// day each clash began, with the day it ended after a slash when withEnd.
func articleClashes(t *testing.T, tab *actor.Table, text string, withEnd bool) []string {
	t.Helper()
	evs := articleEvents(t, tab, text)
	var got []string
	for _, ev := range evs {
		g := ev.DateStart.String()
		if withEnd {
			g += "/" + ev.DateEnd.String()
		}
		got = append(got, g)
	}
	return got
}

// A month told without a year after a later month of the year rolls on
// into the next year, but not past the war's end: "In August", after 6
// November 1868 in a war that ended in June 1869, went back in 1868.
func TestAMonthIsNotRolledPastTheWarsEnd(t *testing.T) {
	tab := loadActors(t)
	const head = "= Kell war =\n\nInfobox\n- Conflict: Kell war\n- Date: 27 January 1868 – 27 June %d\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"==Fighting==\nOn 6 November 1868 Zembrian troops stormed the Ostran fort at Dolno.\n\n==The north==\nIn August Ostran troops landed at Varn and attacked the Zembrian post there.\n"
	for _, tt := range []struct {
		end  int
		want string
	}{
		{1869, "1868-11-06 1868-08"}, // August 1869 is after the war
		{1870, "1868-11-06 1869-08"},
	} {
		if got := strings.Join(articleClashes(t, tab, fmt.Sprintf(head, tt.end), false), " "); got != tt.want {
			t.Errorf("war ending June %d: clashes on %s, want %s", tt.end, got, tt.want)
		}
	}
}

// How long a consequence of the war lasted, past its end ("closing the
// channel until the spring of 1957" in a war of October–November 1956),
// does not move the narrative to that year.
func TestABoundPastTheWarsEndInASentenceWithoutFightingMovesNothing(t *testing.T) {
	tab := loadActors(t)
	const head = "= Vel crisis =\n\nInfobox\n- Conflict: Vel crisis\n- Date: 29 October – 7 November 1956\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"==Fighting==\nOn 31 October 1956 Zembrian aircraft bombed the Ostran airfields at Dolno.\n\n%s\n\n==Landings==\nAt dawn on 5 November Zembrian paratroopers attacked the Ostran garrison of Varn.\n"
	for _, tt := range []struct{ between, want string }{
		{"The Ostrans scuttled forty old ships in the channel, closing it to traffic until the spring of 1957.", "1956-10-31 1956-11-05"},
		{"The Ostrans scuttled forty old ships in the channel, closing it to traffic until the spring of 1957. Talks opened on 2 November.", "1956-10-31 1956-11-05"},
	} {
		if got := strings.Join(articleClashes(t, tab, fmt.Sprintf(head, tt.between), false), " "); got != tt.want {
			t.Errorf("%q: clashes on %s, want %s", tt.between, got, tt.want)
		}
	}
}

// Months counted from a thing the sentence names ("ten months after
// Xerxes' capture of Athens") are not counted from the narrative's day,
// which the reader cannot tell them from; days after the clash told are.
func TestMonthsAfterANamedThingDateNothing(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "In the spring of 1479 the Zembrian king sent envoys to Vel. Some ten months after Grel's capture of Tesh, a Zembrian army stormed the Ostran fort at Vel.",
			[]string{"1479/1479"}},
		{"", "On 3 May 1479 the Zembrian army stormed the Ostran fort at Vel. Two days after the battle Zembrian horsemen attacked the Ostran camp at Tesh.",
			[]string{"1479-05-03/1479-05-03", "1479-05-05/1479-05-05"}},
	})
}

// A front told after another, back in the war's first winter ("took
// Dolno on 7 December" after February of a war of November to March), is
// in the war's December, not in the one after its end; after the war's
// end the narrative's year holds.
func TestAMonthToldFrontByFrontIsTheWarsNotOneAfterIt(t *testing.T) {
	tab := loadActors(t)
	const head = "= Kell winter war =\n\nInfobox\n- Conflict: Kell winter war\n- Date: 30 November 1939 – 13 March 1940\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"==The isthmus==\nIn February 1940 Zembrian troops stormed the Ostran line at Varn.\n\n==The north==\n%s\n"
	for _, tt := range []struct {
		body string
		want string
	}{
		{"On 7 December a Zembrian division attacked the Ostran post at Dolno.", "1940-02 1939-12-07"},
		{"In late December Ostran ski troops ambushed a Zembrian column near Dolno.", "1940-02 1939-12"},
	} {
		if got := strings.Join(articleClashes(t, tab, fmt.Sprintf(head, tt.body), false), " "); got != tt.want {
			t.Errorf("%q: clashes on %s, want %s", tt.body, got, tt.want)
		}
	}
}

// A campaign told front by front names the day once: a paragraph that
// opens with fighting of its own and no date ("On the northern front,
// the 4th Army attacked Dolno"), or a sentence that moves the telling to
// other ground, is a clash on the day the narrative has reached; a day
// told a few days on in its sentences ends it, and a heading that names
// a day ("===Day 2, 4 May===") sets it. A toll told after, with no
// one fighting, and a will "to fight" are no clash; nor is fighting told
// undated before the war.
func TestUndatedFightingOpensOnTheNarrativesDay(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 3–20 May 1911\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Velm war was fought between Zembria and Ostra in May 1911.\n\n"
	tests := []struct {
		name, body string
		want       []string
	}{
		{
			"a front opens its paragraph",
			"==Invasion==\nAt dawn on 3 May 1911 Zembrian guns opened fire on the Ostran frontier posts near Karvo.\n\nOn the northern front, the 4th Army crossed the Velm at Harsk and attacked Dolno. Its garrison held the town until the evening of 5 May, when it surrendered.\n",
			[]string{"1911-05-03/1911-05-03", "1911-05-03/1911-05-05"},
		},
		{
			"the telling moves to other ground",
			"==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo. In the south, a Zembrian column attacked the bridge at Tesh.\n",
			[]string{"1911-05-03/1911-05-03", "1911-05-03/1911-05-03"},
		},
		{
			"the telling moves on to whoever fought there",
			"==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n\nMeanwhile, Aviatik biplanes bombed the radio station at Tesh.\n",
			[]string{"1911-05-03/1911-05-03", "1911-05-03/1911-05-03"},
		},
		{
			"a place put first moves the telling there",
			"==Invasion==\nOn 3 May 1911 Zembrian marines landed at Karvo and attacked the Ostran post there. At the village of Tesh, a small Ostran detachment fired on the Zembrian boats, killing three men.\n",
			[]string{"1911-05-03/1911-05-03", "1911-05-03/1911-05-03"},
		},
		{
			"a place put first says where a clash told without one was",
			"==Invasion==\nOn 3 May 1911 Zembrian marines attacked the Ostran outposts. At the village of Tesh, Zembrian infantry drove the Ostrans back after a bitter fight.\n",
			[]string{"1911-05-03/1911-05-03"},
		},
		{
			"the days that followed, inside a paragraph",
			"==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n\nThe Ostran king answered from the air. In the days that followed, Ostran aircraft bombed Tesh and Harsk.\n",
			[]string{"1911-05-03/1911-05-03", "1911-05/1911-05"},
		},
		{
			"a report told the next day moves not the narrative",
			"==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo. The Ostran ministry confirmed the loss the next day.\n\nFurther south, Zembrian cavalry attacked the Ostran camp at Tesh.\n",
			[]string{"1911-05-03/1911-05-03", "1911-05-03/1911-05-03"},
		},
		{
			"a toll told after the fighting",
			"==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n\nHundreds of houses were burned in Karvo and Tesh, and many people fled.\n",
			[]string{"1911-05-03/1911-05-03"},
		},
		{
			"a will to fight",
			"==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n\nThe Ostran king told his parliament that Ostra had the will to fight Zembria at Tesh.\n",
			[]string{"1911-05-03/1911-05-03"},
		},
		{
			"a heading names the day",
			"==Invasion==\n===Day 1, 3 May===\nAt dawn on 3 May 1911 Zembrian guns opened fire on the Ostran frontier posts near Karvo.\n\n===Day 2, 4 May===\nOn the northern front, the 4th Army crossed the Velm at Harsk and attacked Dolno.\n",
			[]string{"1911-05-03/1911-05-03", "1911-05-04/1911-05-04"},
		},
		{
			"fighting before the war",
			"==Background==\nIn March 1910 the border was closed.\n\nOstran troops raided the Zembrian village of Harsk.\n\n==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n",
			[]string{"1911-05-03/1911-05-03"},
		},
	}
	for _, tt := range tests {
		if got := articleClashes(t, tab, head+tt.body, true); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: clashes on %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A paragraph that opens with troops moving on a place and tells their
// fight in its next sentence ("It met Ostran guards near the bridge")
// tells one clash from the advance on: the advance is its first evidence,
// and the troops that advanced fought in it. Moving with no fight after
// it is no clash.
func TestAnAdvanceToldBeforeItsFightOpensTheClash(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 3–20 May 1911\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Velm war was fought between Zembria and Ostra in May 1911.\n\n==Invasion==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n\n"
	tests := []struct {
		name, body string
		want       []string // each clash: its first evidence's first words, side a, side b
	}{
		{
			"the advance then the fight",
			"Further south, a second Zembrian column advanced from Harsk along the road to Tesh. It met Ostran guards near the bridge and pushed them aside after a short fight.\n",
			[]string{"On 3 May: Zembria / Ostra", "Further south, a: Zembria / Ostra"},
		},
		{
			"the advance then a fight that names no one",
			"Further south, a second Zembrian column advanced from Harsk along the road to Tesh. Its companies were held up by ambushes in the hills.\n",
			[]string{"On 3 May: Zembria / Ostra", "Further south, a: Zembria / Ostra"},
		},
		{
			// The fight's sentence tells of the month's end, which the
			// war's days meet though the month began before the war.
			"the advance then a fight told until the month's end",
			"Further south, a second Zembrian column advanced from Harsk along the road to Tesh. Its companies were held up by ambushes in the hills, and Tesh was not taken until the last days of May.\n",
			[]string{"On 3 May: Zembria / Ostra", "Further south, a: Zembria / Ostra"},
		},
		{
			"an advance alone",
			"Further south, a second Zembrian column advanced from Harsk along the road to Tesh. The Ostran government protested to the league.\n",
			[]string{"On 3 May: Zembria / Ostra"},
		},
	}
	for _, tt := range tests {
		evs := articleEvents(t, tab, head+tt.body)
		var got []string
		for _, ev := range evs {
			first := strings.Join(strings.Fields(ev.Evidence[0].Text)[:3], " ")
			got = append(got, fmt.Sprintf("%s: %s / %s", first, strings.Join(ev.SideA, ", "), strings.Join(ev.SideB, ", ")))
		}
		if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
			t.Errorf("%s: clashes %q, want %q", tt.name, got, tt.want)
		}
	}
}

// A clash told to its day, a belligerent fighting, up to three years
// before the war is the prelude the article tells, and so is one told to
// its month up to ten years before, the two belligerents fighting each
// other; one told by its year alone is background, and so is one long
// before.
func TestAPreludeToldToItsDayIsAClashOfTheWar(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 3–20 May 1911\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Velm war was fought between Zembria and Ostra in May 1911.\n\n==Background==\n"
	const war = "\n\n==War==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n"
	tests := []struct {
		name, background string
		want             []string
	}{
		{"a day two years before", "On 9 June 1909 Zembrian troops attacked the Ostran post at Harsk.", []string{"1909-06-09", "1911-05-03"}},
		{"a year two years before", "In 1909 Zembrian troops attacked the Ostran post at Harsk.", []string{"1911-05-03"}},
		{"a day six years before, the two belligerents fighting", "On 9 June 1905 Zembrian troops attacked the Ostran post at Harsk.", []string{"1905-06-09", "1911-05-03"}},
		{"a month six years before, the two belligerents fighting", "In June 1905 Zembrian troops attacked the Ostran post at Harsk.", []string{"1905-06", "1911-05-03"}},
		{"a day six years before, a third state fighting", "On 9 June 1905 Zembrian troops attacked the Velmish post at Harsk.", []string{"1911-05-03"}},
		{"a day twelve years before", "On 9 June 1899 Zembrian troops attacked the Ostran post at Harsk.", []string{"1911-05-03"}},
	}
	for _, tt := range tests {
		if got := articleClashes(t, tab, head+tt.background+war, false); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%s: clashes on %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A battle told ending on a later day ran until then; fighting of the
// sentence's own, told beside it, is a clash of its own.
func TestABattleToldEndingRanUntilThen(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 1936\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n==War==\nOn 20 January 1936 Zembrian troops attacked the Ostran lines at Dolno. "
	for _, tt := range []struct {
		told string
		want []string
	}{
		{"On 24 January the battle ended in a draw.", []string{"1936-01-20/1936-01-24"}},
		{"On 24 January, the day the battle ended, Ostran cavalry ambushed a Zembrian column at Harsk.", []string{"1936-01-20/1936-01-20", "1936-01-24/1936-01-24"}},
	} {
		if got := articleClashes(t, tab, head+tt.told+"\n", true); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: clashes %v, want %v", tt.told, got, tt.want)
		}
	}
}

// A clash opened by the dated sentence before its fighting holds the
// sentences told between them: the scouts that came upon the enemy, then
// the shots exchanged.
func TestTheSentencesBetweenADateAndItsFightAreTheClashs(t *testing.T) {
	tab := loadActors(t)
	const text = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 1911\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n==War==\n" +
		"On 21 May 1911 the Zembrian commander sent a column of mounted police towards the hills. Late in the afternoon its scouts came upon a body of Ostrans on the Harsk heights. A few shots were exchanged before the Ostrans drew off into the dusk.\n"
	evs := articleEvents(t, tab, text)
	if len(evs) != 1 || len(evs[0].Evidence) != 3 || evs[0].DateStart.String() != "1911-05-21" {
		var got []string
		for _, ev := range evs {
			got = append(got, fmt.Sprintf("%s: %d sentences", ev.DateStart, len(ev.Evidence)))
		}
		t.Errorf("clashes %q, want one on 1911-05-21 of 3 sentences", got)
	}
}

// A later day told in a clause after the fighting, behind a semicolon,
// with no fighting of its own, dates neither the fight nor what the
// narrative tells next; with fighting of its own, it dates the sentence.
func TestALaterDayAfterASemicolonDatesItsOwnClause(t *testing.T) {
	tab := loadActors(t)
	const head = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 1982\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n==War==\nOstra retaliated on 4 May 1982. "
	for _, tt := range []struct {
		told string
		want []string
	}{
		{"Two Ostran jets attacked the Zembrian destroyer Velm off Karvo; twenty of her crew were killed, and the burnt-out hulk sank under tow six days later.", []string{"1982-05-04/1982-05-04"}},
		{"Two Ostran jets attacked the Zembrian destroyer Velm off Karvo; the next day they attacked the Zembrian frigate Tesh.", []string{"1982-05-05/1982-05-05"}},
	} {
		if got := articleClashes(t, tab, head+tt.told+"\n", true); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: clashes %v, want %v", tt.told, got, tt.want)
		}
	}
}

// A clash opened by a clause after the first of its sentence, the first
// telling no clash, holds the whole sentence.
func TestAClashOpenedMidSentenceHoldsItsSentence(t *testing.T) {
	tab := loadActors(t)
	const text = "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 1911\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n==War==\n" +
		"Early in May 1911 the Zembrian generals agreed to advance towards Tesh, and on 8 May Zembrian troops attacked the Ostran division at Harsk.\n"
	evs := articleEvents(t, tab, text)
	var got []string
	for _, ev := range evs {
		got = append(got, ev.DateStart.String()+" "+strings.Join(strings.Fields(ev.Evidence[0].Text)[:3], " "))
	}
	if want := "1911-05-08 Early in May"; strings.Join(got, " | ") != want {
		t.Errorf("clashes %q, want %q", got, want)
	}
}

// A party's move on a day, told just before fighting dated by a month
// that holds it, opens that fighting: the move is the clash's first
// sentence. A move told before fighting of months is no part of it.
func TestAMoveOnADayOpensTheFightingOfItsMonth(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	const move = "Beginning on 5 August 1965, some 30,000 Zembrian soldiers crossed the line in small groups."
	for _, tt := range []struct {
		fight string
		want  bool
	}{
		{"Ostran troops intercepted many of the groups within days, and throughout August heavy fighting took place around Vel.", true},
		{"Ostran troops hunted the groups down, and from August to December heavy fighting took place around Vel.", false},
	} {
		evs := clashesUnder(t, tab, c, "Infiltration", move+" The hoped-for rising never came. "+tt.fight)
		got := false
		for _, ev := range evs {
			got = got || len(ev.Evidence) > 0 && ev.Evidence[0].Text == move
		}
		if len(evs) != 1 || got != tt.want {
			t.Errorf("%q: %d clashes, opened by the move: %v; want one, %v", tt.fight, len(evs), got, tt.want)
		}
	}
}

// Troops told at a place on the day before the fight told next, in the
// sentence right before it, are that fight's: its first evidence, and
// its first day. A decision the day before is not, and leave to attack
// is its evidence but not its first day.
func TestTroopsAtAPlaceTheDayBeforeOpenTheFight(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	for _, tt := range []struct {
		text, want string
	}{
		{"On 11 December 1971 some 700 men of the Zembrian 2nd Battalion were dropped near Vel to seize the bridge. The next day the paratroopers held the bridge against the retreating Ostran troops.", "1971-12-11/1971-12-12 On 11 December"},
		{"On 11 December 1971 the Zembrian government authorised the use of air power near Vel. The next day Zembrian aircraft attacked the Ostran positions near Vel.", "1971-12-12/1971-12-12 The next day"},
		// Up to three days before, by the same rule.
		{"On 25 August 1965 the Zembrian 68th Brigade opened an operation near Vel to capture the pass. On 28 August a company of its paratroopers took the pass above Vel.", "1965-08-25/1965-08-28 On 25 August"},
		// Troops at another place the day before fought a clash there,
		// if any; not this one.
		{"On 9 July 1809 the Zembrian 2nd Corps overtook the Ostran rearguard at Dolno. On 10 July a second Zembrian corps reached Velmgrad and attacked the Ostrans there.", "1809-07-10/1809-07-10 On 10 July"},
		// Leave to attack, given the day before, is told with the fight
		// but does not start it.
		{"On the evening of 22 August 1884 the Zembrian admiral was authorised to attack the Ostran fleet, which lay at anchor near Vel. The Zembrian ships opened fire shortly before two in the afternoon on 23 August.", "1884-08-23/1884-08-23 On the evening"},
	} {
		var got []string
		for _, ev := range clashesUnder(t, tab, c, "War", tt.text) {
			got = append(got, ev.DateStart.String()+"/"+ev.DateEnd.String()+" "+strings.Join(strings.Fields(ev.Evidence[0].Text)[:3], " "))
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, g, tt.want)
		}
	}
}

// A war told evenly over its years keeps them all: the shortest run of
// years holding four in five of the dated sentences is widened by each
// year next to it told about as often; a year of background told once
// or twice stays out.
func TestExtendYearsKeepsTheWarsEvenlyToldYears(t *testing.T) {
	years := func(counts map[int32]int) []int32 {
		var ys []int32
		for y := int32(1700); y < 1800; y++ {
			for range counts[y] {
				ys = append(ys, y)
			}
		}
		return ys
	}
	tests := []struct {
		name           string
		counts         map[int32]int
		lo, hi         int32
		wantLo, wantHi int32
	}{
		{"an evenly told first year joins", map[int32]int{1774: 1, 1775: 6, 1776: 6, 1777: 6, 1778: 4, 1779: 5, 1780: 4, 1781: 5, 1782: 5, 1783: 2}, 1776, 1782, 1775, 1782},
		{"an evenly told last year joins", map[int32]int{1775: 5, 1776: 5, 1777: 5, 1778: 5}, 1775, 1777, 1775, 1778},
		{"a year told twice beside a busy war stays out", map[int32]int{1770: 2, 1771: 10, 1772: 12, 1773: 2}, 1771, 1772, 1771, 1772},
		{"a year told once stays out", map[int32]int{1770: 1, 1771: 2, 1772: 2}, 1771, 1772, 1771, 1772},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ys := years(tt.counts)
			n := 0
			for y := tt.lo; y <= tt.hi; y++ {
				n += tt.counts[y]
			}
			lo, hi := extendYears(ys, tt.lo, tt.hi, n)
			if lo != tt.wantLo || hi != tt.wantHi {
				t.Errorf("extendYears(%d–%d) = %d–%d, want %d–%d", tt.lo, tt.hi, lo, hi, tt.wantLo, tt.wantHi)
			}
		})
	}
}

// How long a clash ran, as the sentences after its day tell it:
//   - a battle told going on the next day goes on, though the sentence
//     also says a side turned to fight ("to fight" is the clause's
//     purpose, not a fight of its own that would open another clash);
//   - "in two days of fighting" counts the clash told before, though a
//     clause after it names a date of another matter;
//   - a stretch of days of fighting after the day in the same sentence
//     ("and over the next two days stormed all four") runs it to the
//     stretch's end; a stretch of something else does not;
//   - a season of a later year told in passing ("the sufferings of the
//     winter of 1854–55") does not move the narrative: "the next day, 26
//     October" after it is the battle's next day.
func TestHowLongAClashRan(t *testing.T) {
	tab := loadActors(t)
	c := &annalist.Conflict{Start: annalist.YearDate(1800), End: annalist.YearDate(1945), Sides: []annalist.Side{
		{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}},
	}}
	for _, tt := range []struct{ name, text, want string }{
		{"goes on after turning to fight", "On 10 July 1809 Zembrian troops attacked the Ostrans at Velo. The Ostran general turned to fight, and the battle at Velo continued the next day.", "1809-07-10..1809-07-11"},
		{"goes on", "On 10 July 1809 Zembrian troops attacked the Ostrans at Velo. The battle at Velo continued the next day.", "1809-07-10..1809-07-11"},
		{"days of fighting before a dated clause", "Further north, on 6 December 1939, a Zembrian regiment ran into an Ostran battalion at Velo. The Ostran battalion stopped the Zembrian regiment in two days of fighting, and the northern front remained quiet for most of the month afterwards; in late December it was taken over by a new force.", "1939-12-06..1939-12-07"},
		{"days of fighting", "On 6 December 1939 Zembrian troops attacked an Ostran battalion at Velo. The Ostrans stopped them in two days of fighting.", "1939-12-06..1939-12-07"},
		{"stretch of fighting after the day", "On 20 November 1856 Zembrian sloops opened fire on the Ostran forts at Velo, and over the next two days a landing force stormed all four.", "1856-11-20..1856-11-22"},
		{"following days of fighting", "On 3 March 1857 Zembrian troops attacked the Ostran camp at Brod, and for the following three days the two sides shelled each other.", "1857-03-03..1857-03-06"},
		{"a season the consequences ran into moves no narrative", "On 25 October 1854 Zembrian cavalry attacked the Ostran batteries at Velo. The loss of the road added to the army's sufferings during the winter of 1854–55.\n\nThe next day, 26 October, Ostran troops attacked the Zembrian camp at Brod.", "1854-10-25..1854-10-25 | 1854-10-26..1854-10-26"},
		{"repulsed after days of fighting, in a clause of its own", "On 24 March 1885 Zembrian troops attacked the Ostran position at Velo; the attack was repulsed after two days of fighting and the Zembrians fell back.", "1885-03-24..1885-03-25"},
		{"taken after days of fighting", "On 28 November 1914 Zembrian troops took the Velo ridge after three days of fighting in the snow.", "1914-11-26..1914-11-28"},
		{"attacked, and after days of fighting", "On 5 January 1915 Zembrian troops attacked the Velo ridge. After four days of fighting they broke through the Ostran line.", "1915-01-05..1915-01-09"},
		{"stretch of rest", "On 20 November 1856 Zembrian sloops shelled the Ostran forts at Velo, and over the next two days the crews rested.", "1856-11-20..1856-11-20"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			evs := clashesUnder(t, tab, c, "Fighting", tt.text)
			var got []string
			for _, ev := range evs {
				got = append(got, ev.DateStart.String()+".."+ev.DateEnd.String())
			}
			if g := strings.Join(got, " | "); g != tt.want {
				t.Errorf("%q: clashes %s, want %s", tt.text, g, tt.want)
			}
		})
	}
}

// A clash told by a part of its month ("in mid-August", "in early
// June") holds the days of that part, not the whole month: a fight on a
// day inside it narrows the clash to that day, one on a later day of the
// month is a clash of its own, and the first is no summary of it.
func TestAPartOfAMonthHoldsOnlyItsDays(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 8 August 1987 a Zembrian column took the town of Vel after a short fight. The Ostran king ordered the town to be retaken at any price. A first Ostran counter-attack in mid-August was beaten off. On 28 August Ostran troops retook the town.",
			[]string{"1987-08-08/1987-08-08", "1987-08/1987-08", "1987-08-28/1987-08-28"}},
		{"", "In early June 1921 Zembrian patrols raided the Ostran posts at the ford. On 4 June they attacked the fort at Vel.",
			[]string{"1921-06-04/1921-06-04"}},
		{"", "In June 1921 Zembrian patrols raided the Ostran posts at the ford. On 24 June they attacked the fort at Vel.",
			[]string{"1921-06-24/1921-06-24"}},
	})
}

// The fighting told going on at a time coarser than the clash's day that
// holds it ("went on after the March battle" of a clash of 17 March) is
// the clash's, and runs it to no later day; a day after it does.
func TestACoarserTimeHoldingTheClashsDayRunsItNoLater(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 17 March 1969 Zembrian and Ostran troops clashed on the island. The fighting went on after the March battle, with rifle fire across the ice.",
			[]string{"1969-03-17/1969-03-17"}},
		{"", "On 17 March 1969 Zembrian and Ostran troops clashed on the island. The fighting went on until 19 March, with rifle fire across the ice.",
			[]string{"1969-03-17/1969-03-19"}},
	})
}

// A clash dated only by the narrative takes the date told after it, but
// not when that date opens the other side's attack ("The Ostrans
// answered with air raids. On 7 January Zembrian aircraft struck the
// radar"): that is a clash of its own.
func TestADateOfTheOtherSidesAttackIsNoUndatedClashs(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 2 January 1987 Zembrian forces stormed the Ostran garrison at Fada.\n\nThe Ostrans answered with air raids on Arada and Biltine. On 7 January 1987 Zembrian aircraft struck the Ostran radar at Ouadi Doum in retaliation.",
			[]string{"1987-01-02/1987-01-02", "1987-01-02/1987-01-02", "1987-01-07/1987-01-07"}},
		{"", "On 2 January 1987 Zembrian forces stormed the Ostran garrison at Fada.\n\nThe Ostrans answered with air raids on Arada and Biltine. On 7 January 1987 Ostran bombers struck Arada again.",
			[]string{"1987-01-02/1987-01-02", "1987-01-02/1987-01-07"}},
	})
}

// A surrender told after a fight of the sentence's own, on a later day at
// other ground, ends that fight, not the clash told before: "On 25 April
// the Zembrians stormed the Ostran positions on the ridge outside Kest,
// and the governor surrendered the town on 27 April" is a clash of 25–27
// April beside the one of 22 April at Vel. A garrison that only gives up
// ends the clash told before.
func TestAFightEndedBySurrenderAtOtherGroundIsItsOwn(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 22 April 1815 a Zembrian detachment defeated an Ostran force at Vel, north of Kest. On 25 April the Zembrians stormed the Ostran positions on the Brod ridge outside Kest, and the Ostran governor surrendered the town on 27 April.",
			[]string{"1815-04-22/1815-04-22", "1815-04-25/1815-04-27"}},
		{"", "On 22 April 1815 a Zembrian detachment attacked the Ostran fort at Vel. The garrison surrendered on 24 April.",
			[]string{"1815-04-22/1815-04-24"}},
	})
}

// A later day in a clause of its own after the fighting that tells a
// move ("and they reached the outskirts of Kest on 27 October") is the
// move's, not the fight's last; a bound with fighting after it ("which by
// 31 March had overcome the garrison") still ends the fight.
func TestAMoveAfterTheFightEndsNoClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 24 October 1449 the Ostrans broke through the wall at the Vel Pass, whose Zembrian commander was killed in its defence, and they reached the outskirts of Kest on 27 October.",
			[]string{"1449-10-24/1449-10-24"}},
		{"", "On 29 March 1885 the Zembrian squadron bombarded the Ostran forts at Makung and landed a battalion, which by 31 March had overcome the garrison.",
			[]string{"1885-03-29/1885-03-31"}},
	})
}

// A date in an opening clause of time that tells no fighting ("After a
// surrender demand was rejected on 16 August, …") is of what came
// before; the main clause's date is the clash's. With fighting in that
// clause ("After the Ostran sortie of 16 August failed") both are told.
func TestADateOfWhatCameBeforeIsNoClashs(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "After a surrender demand was rejected by the Ostran governor on 16 August 1904, the Zembrians opened the first general assault on Vel on 19 August.",
			[]string{"1904-08-19/1904-08-19"}},
		{"", "After the Ostran sortie of 16 August 1904 failed, the Zembrians opened the first general assault on Vel on 19 August.",
			[]string{"1904-08-16/1904-08-19"}},
	})
}

// A clause opened by ", but" and a date of its own tells a clash of its
// own, as one opened by ", and" does: "… failed on 29 June, but on 16
// July a larger force recaptured the fort" is two clashes.
func TestAClauseOpenedByButWithItsOwnDateIsItsOwnClash(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "A first Ostran attempt to retake the fort at the lake failed on 29 June 1932, but on 16 July a larger Ostran force recaptured the fort.",
			[]string{"1932-06-29/1932-06-29", "1932-07-16/1932-07-16"}},
		{"", "A first Ostran attempt to retake the fort at the lake failed on 29 June 1932, and on 16 July a larger Ostran force recaptured the fort.",
			[]string{"1932-06-29/1932-06-29", "1932-07-16/1932-07-16"}},
	})
}

// The day a man died of a wound taken in the fight, told after it ("and
// he died on 24 September"), dates neither the fight nor the narrative:
// the next fighting is still on the battle's day. A death in the fight
// ("died in battle in 1203") is the fight's own time.
func TestADeathFromWoundsDatesNoFight(t *testing.T) {
	checkClashDates(t, [2]string{"Zembria", "Ostra"}, []clashDates{
		{"", "On 7 September 1812 the Ostrans attacked the Zembrian redoubt at Kell. At about nine the Zembrian general was struck in the leg while leading a counter-attack; the wound festered and he died on 24 September. At noon the Ostrans attacked the mill at Tarn again.",
			[]string{"1812-09-07/1812-09-07", "1812-09-07/1812-09-07"}},
		{"", "In 1203 the Zembrian king died in battle against the Ostrans at Kell.",
			[]string{"1203/1203"}},
	})
}
