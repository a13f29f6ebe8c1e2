package event

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
	"github.com/annalist/annalist/infobox"
	"github.com/annalist/annalist/plaintext"
)

// bareArticle is the reading state of an empty article with no conflict,
// for testing the article's methods alone.
func bareArticle(t *testing.T) *article {
	t.Helper()
	tab := loadActors(t)
	r, err := NewReader(tab)
	if err != nil {
		t.Fatal(err)
	}
	return r.newArticle(&annalist.Article{}, nil)
}

func TestBattleNameTellsOneFightFromASeries(t *testing.T) {
	x := bareArticle(t)
	for _, c := range []struct {
		name string
		want bool
	}{
		{"Battle of Cerro Alto", true},
		{"Siege of Vienna", true},
		{"Raid on the Medway", true},
		{"Changkufeng Incident", true},
		{"Tauran affair", true},
		{"Battles of Khalkhin Gol", false},
		{"Amur river border clashes", false},
		{"Football War", false},
		{"Sino-Indian border skirmishes", false},
		{"Battle", false},
	} {
		if got := x.battleName(c.name); got != c.want {
			t.Errorf("battleName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestFigureKindKeepsOnlyFiguresOfOneKind(t *testing.T) {
	for _, c := range []struct {
		what, status string
		belligerent  string
		want         int
	}{
		{"personnel", "killed", "", kDeath},
		{"personnel", "killed or missing", "", kDeath},
		{"personnel", "wounded or sick", "", kWounded},
		{"personnel", "hurt", "", kWounded},
		{"personnel", "wounded or missing", "", -1},
		{"personnel", "killed and wounded", "", -1},
		{"personnel", "captured", "", kCaptured},
		{"personnel", "prisoners", "", kCaptured},
		{"personnel", "missing", "", kMissing},
		{"tanks", "destroyed", "", -1},
		{"personnel", "killed", "Japan", -1}, // a part of a total, not the side's figure
	} {
		f := annalist.Figure{What: c.what, Status: annalist.Ptr(c.status), Belligerent: c.belligerent}
		if got := figureKind(f); got != c.want {
			t.Errorf("figureKind(%s %s) = %d, want %d", c.what, c.status, got, c.want)
		}
	}
}

// An article with no body (an excerpt) is read from its lead, but the
// lead's summary of the whole war is the conflict record, not a clash.
func TestLeadSummaryOfTheWarIsNoClash(t *testing.T) {
	tab := loadActors(t)
	text := "= Reed valley war =\n\nThe Reed valley war was a short conflict fought by Zembria and Ostra from 3 to 9 April 1841. " +
		"Ostran lancers crossed the ford on 3 April and attacked the Zembrian camp at Mirn. The war ended in a truce on 9 April.\n"
	a, err := plaintext.Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	c := &annalist.Conflict{Start: annalist.Date{Year: 1841, Month: 4, Day: 3, Prec: annalist.PrecDay}, End: annalist.Date{Year: 1841, Month: 4, Day: 9, Prec: annalist.PrecDay},
		Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	evs, _ := Extract(a, c, tab)
	if len(evs) != 1 {
		t.Fatalf("%d events, want 1 (the crossing of 3 April)", len(evs))
	}
	if got := evs[0].DateStart.String() + ".." + evs[0].DateEnd.String(); got != "1841-04-03..1841-04-03" {
		t.Errorf("date %s, want 1841-04-03..1841-04-03 (the truce ends the war, not the fight)", got)
	}
}

// A side whose infobox gives its losses only belligerent by belligerent
// ("192 Athenians killed, 11 Plataeans killed") lost their sum; two
// figures for one belligerent are estimates, not parts, and sum to nothing.
func TestSumOfPartsIsTheSidesLoss(t *testing.T) {
	killed := "killed"
	fig := func(bell string, n int, acc *string) annalist.Figure {
		return annalist.Figure{What: "personnel", Status: &killed, Belligerent: bell, AccordingTo: acc, Count: annalist.Count{Low: &n, High: &n, Text: "x"}}
	}
	src := "Athenian sources"
	tests := []struct {
		name string
		figs []annalist.Figure
		want string
	}{
		{"two parts", []annalist.Figure{fig("Athens", 192, nil), fig("Plataea", 11, nil)}, "203"},
		{"one part", []annalist.Figure{fig("Athens", 192, nil)}, "-"},
		{"two estimates of one", []annalist.Figure{fig("Athens", 192, nil), fig("Athens", 300, nil), fig("Plataea", 11, nil)}, "-"},
		{"credited to a source", []annalist.Figure{fig("Athens", 192, &src), fig("Plataea", 11, &src)}, "-"},
	}
	for _, tt := range tests {
		got := "-"
		if c := sumOfParts(tt.figs, kDeath); c != nil && c.Low != nil {
			got = itoa(*c.Low)
		}
		if got != tt.want {
			t.Errorf("%s: sum %s, want %s", tt.name, got, tt.want)
		}
	}
}

// infoboxArticleClashes reads an article of title whose infobox names
// the conflict name (Zembria against Ostra, dated by the infobox line
// date) over two clashes of its prose, on day1 and day2 of 1921, and
// returns each event's dates.
func infoboxArticleClashes(t *testing.T, tab *actor.Table, title, name, date, day1, day2 string) []string {
	t.Helper()
	text := "= " + title + " =\n\nInfobox\n- Conflict: " + name + "\n- Date: " + date + "\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"==Fighting==\nOn " + day1 + " 1921 Zembrian infantry stormed Vel Ridge. On " + day2 + " 1921 Ostran regiments attacked Dolno and were thrown back.\n"
	return articleClashes(t, tab, text, true)
}

// An infobox named for one battle makes the article a battle article
// only when the article's title agrees: "Zembrian–Ostran border clashes
// of 1921" whose infobox is the "Battle of Vel Ridge" tells a series of
// clashes, and the infobox's dates span them all.
func TestABattleInfoboxUnderAnotherTitleIsNoBattleArticle(t *testing.T) {
	tab := loadActors(t)
	for _, tt := range []struct {
		title string
		want  []string
	}{
		// The body's first clash tells the battle; the attack on Dolno
		// on its last day is a phase of it, an event of its own.
		{"Battle of Vel Ridge", []string{"1921-04-02/1921-04-12", "1921-04-12/1921-04-12"}},
		// The first or second of two battles there is one battle too.
		{"First Battle of Vel Ridge", []string{"1921-04-02/1921-04-12", "1921-04-12/1921-04-12"}},
		{"Second Battle of Vel Ridge", []string{"1921-04-02/1921-04-12", "1921-04-12/1921-04-12"}},
		{"Vel Ridge", []string{"1921-04-04/1921-04-04", "1921-04-12/1921-04-12"}},
		{"Zembrian–Ostran border clashes of 1921", []string{"1921-04-04/1921-04-04", "1921-04-12/1921-04-12"}},
	} {
		if got := infoboxArticleClashes(t, tab, tt.title, "Battle of Vel Ridge", "2–12 April 1921", "4 April", "12 April"); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: clashes %v, want %v", tt.title, got, tt.want)
		}
	}
}

// An infobox that names a campaign ("Vel offensive", "Operation Harrow",
// "Vel expedition"), or a fight of more than a month ("Siege of Vel",
// April to July), heads an article of many clashes: they are read from
// the prose, not merged into the infobox's one event. (A siege of months
// is an event as a whole beside them: see
// TestASiegeOfMonthsIsAnEventAsAWhole.)
func TestACampaignArticleIsNoBattleArticle(t *testing.T) {
	tab := loadActors(t)
	for _, tt := range []struct {
		name, date string
		want       []string
	}{
		{"Battle of Vel Ridge", "2–12 April 1921", []string{"1921-04-02/1921-04-12", "1921-04-12/1921-04-12"}},
		{"Vel offensive", "2–12 April 1921", []string{"1921-04-04/1921-04-04", "1921-04-12/1921-04-12"}},
		{"Operation Harrow", "2–12 April 1921", []string{"1921-04-04/1921-04-04", "1921-04-12/1921-04-12"}},
		{"Vel expedition", "2–12 April 1921", []string{"1921-04-04/1921-04-04", "1921-04-12/1921-04-12"}},
		{"Siege of Vel", "2 April – 20 July 1921", []string{"1921-04-02/1921-07-20", "1921-04-04/1921-04-04", "1921-04-12/1921-04-12"}},
		{"Siege of Vel", "2 April – 1 May 1921", []string{"1921-04-02/1921-05-01"}},
		// Alternatives ("April or May") date one battle within them.
		{"Battle of Vel Ridge", "April or May 1921", []string{"1921-04/1921-05"}},
	} {
		if got := infoboxArticleClashes(t, tab, tt.name, tt.name, tt.date, "4 April", "12 April"); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: clashes %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A battle of weeks is fought as actions of their own days: one told on
// its own day at a place of its own is a clash beside the battle, though
// its place is only where it was aimed; the assaults of a siege of weeks
// are the siege's.
func TestTheActionsOfABattleOfWeeksAreClashesOfTheirOwn(t *testing.T) {
	tab := loadActors(t)
	for _, tt := range []struct {
		name string
		want []string
	}{
		{"Battle of Vel Ridge", []string{"1950-11-27/1950-12-13", "1950-11-29/1950-11-29"}},
		{"Siege of Vel Ridge", []string{"1950-11-27/1950-12-13"}},
	} {
		text := "= " + tt.name + " =\n\nInfobox\n- Conflict: " + tt.name + "\n- Date: 27 November – 13 December 1950\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
			"==Fighting==\nOn 27 November 1950 Ostran divisions attacked the Zembrian positions on Vel Ridge.\n\nOn 29 November 1950 a Zembrian relief column attacked Dolno and was thrown back.\n"
		if got := articleClashes(t, tab, text, true); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: clashes %v, want %v", tt.name, got, tt.want)
		}
	}
}

// A battle of several days is fought as actions at places of their own:
// one told at another named place is a clash beside the battle, and one
// at the battle's own place is the battle, as is one told over all the
// battle's days. In a battle of one day, the first clash the body tells
// is the battle, wherever it was fought.
func TestAnActionElsewhereInABattleOfDaysIsAClashOfItsOwn(t *testing.T) {
	tab := loadActors(t)
	const elsewhere = "On 10 June 1848 a Zembrian battalion attacked the Ostran redoubt near Dolno, north of the ridge, and took it after an hour of fighting."
	for _, tt := range []struct {
		date, told string
		want       []string
	}{
		{"9–11 June 1848", elsewhere, []string{"1848-06-09/1848-06-11", "1848-06-10/1848-06-10"}},
		{"10 June 1848", elsewhere, []string{"1848-06-10/1848-06-10"}},
		{"9–11 June 1848", "On 10 June 1848 a Zembrian battalion attacked the Ostran trenches near Vel Ridge and took them after an hour of fighting.", []string{"1848-06-09/1848-06-11"}},
		// A distance from the battle's own place is other ground.
		{"9–11 June 1848", "On 10 June 1848 a Zembrian battalion attacked the Ostran outposts about 16 kilometres (10 mi) north of Vel Ridge.", []string{"1848-06-09/1848-06-11", "1848-06-10/1848-06-10"}},
		{"9–11 June 1848", "On 10 June 1848 a Zembrian battalion attacked the Ostran outposts 16 kilometres north of Vel Ridge.", []string{"1848-06-09/1848-06-11", "1848-06-10/1848-06-10"}},
		// Told over all the battle's days, a part named at a place of its
		// own is the battle's.
		{"10–11 June 1848", "Late on 10 June 1848 Ostran riflemen attacked the Zembrian wall at Dolno. The attacks went on until about 4 a.m. on 11 June.", []string{"1848-06-10/1848-06-11"}},
		// A siege begun days before a battle of one day and ended on it
		// is no part of the battle, at a place of its own or at the
		// battle's (as the siege of Pavia is not the battle that ended
		// it); begun the day before, or ended before it, the battle's
		// rule holds.
		{"12 June 1848", "From 4 June 1848 an Ostran corps besieged the Zembrian fortress of Dolno. The garrison held out until 12 June, the day of the battle.", []string{"1848-06-12/1848-06-12", "1848-06-04/1848-06-12"}},
		{"12 June 1848", "From 4 June 1848 an Ostran corps besieged the Zembrian redoubts on Vel Ridge. The garrison held out until 12 June, the day of the battle.", []string{"1848-06-12/1848-06-12", "1848-06-04/1848-06-12"}},
		{"12 June 1848", "In May 1848 an Ostran corps laid siege to the Zembrian redoubts on Vel Ridge. The siege lasted until 12 June, the day of the battle.", []string{"1848-06-12/1848-06-12", "1848-05/1848-06-12"}},
		{"12 June 1848", "From 11 June 1848 an Ostran corps besieged the Zembrian fortress of Dolno. The garrison held out until 12 June, the day of the battle.", []string{"1848-06-12/1848-06-12"}},
	} {
		text := "= Battle of Vel Ridge =\n\nInfobox\n- Conflict: Battle of Vel Ridge\n- Date: " + tt.date + "\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
			"The Battle of Vel Ridge was fought between Zembria and Ostra in June 1848.\n\n==Battle==\n" + tt.told + "\n"
		if got := articleClashes(t, tab, text, true); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("battle of %s: clashes %v, want %v", tt.date, got, tt.want)
		}
	}
}

// In an article about one battle, or about an operation of one day,
// fighting told without a date of its own while the narrative is at the
// battle, or the night before it, is the battle's: its sentences join the
// battle's event, from its paragraph's first sentence, and no clash of
// their own is read.
func TestUndatedFightingInABattleArticleIsTheBattles(t *testing.T) {
	tab := loadActors(t)
	const head = "= %[1]s =\n\nInfobox\n- Conflict: %[1]s\n- Date: 10 June 1848\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The %[1]s was fought between Zembria and Ostra in June 1848.\n\n==Battle==\n"
	const opening = "As the Zembrian column approached the crest, two Ostran sentries challenged it."
	const fight = "The Ostrans, seeing the Zembrians on the crest, sent their riflemen up the slopes and opened fire on them."
	for _, tt := range []struct {
		name, title, told string
	}{
		{"on the battle's day", "Battle of Vel Ridge", "On 10 June 1848 the Zembrian column held the ridge. " + fight},
		{"from the night before", "Battle of Vel Ridge", "On the night of 9 June 1848 the Zembrian column climbed the ridge. Its men dug in on the crest.\n\n" + opening + " " + fight},
		{"an operation of one day", "Operation Harrow", "On the night of 9 June 1848 the Zembrian column climbed the ridge. Its men dug in on the crest.\n\n" + opening + " " + fight},
		{"a narrative still days before", "Battle of Vel Ridge", "On 6 June 1848 the Zembrian column left its winter camp on the river.\n\n==Battle==\n" + opening + " " + fight},
		{"dated after its first sentence", "Battle of Vel Ridge", "On 6 June 1848 the Zembrian column left its winter camp on the river.\n\n==Battle==\n" + opening + " The Ostran sentries had not expected anyone on 10 June 1848. " + fight},
	} {
		evs := articleEvents(t, tab, fmt.Sprintf(head, tt.title)+tt.told+"\n")
		var got []string
		told := false
		for _, ev := range evs {
			got = append(got, ev.DateStart.String())
			var texts []string
			for _, e := range ev.Evidence {
				texts = append(texts, e.Text)
			}
			all := strings.Join(texts, " ")
			told = told || strings.Contains(all, fight) && (!strings.Contains(tt.told, opening) || strings.Contains(all, opening))
		}
		if len(evs) != 1 || !told {
			t.Errorf("%s: clashes on %v, the fight told in one from its paragraph's start: %v; want the battle alone, with them", tt.name, got, told)
		}
	}
}

// The lead of an article about one battle telling that battle is the
// battle's evidence, and the battle the article's one clash: a sentence
// of fighting on its day ("It was fought on 10 June 1848, …"), one the
// reader takes no fight from but that dates itself to the battle's days
// ("It took place on 9–11 June 1848 …"), and one that names the battle
// though its name holds a state's ("The Battle of Montenegro (…) took
// place on …", with the day again in another calendar).
func TestTheLeadTellingTheBattleIsItsEvidence(t *testing.T) {
	tab := loadActors(t)
	for _, tt := range []struct{ name, date, lead, told string }{
		{"Battle of Vel Ridge", "10 June 1848", "The Battle of Vel Ridge was the first battle of the Velm war. ",
			"It was fought on 10 June 1848 on the open ground below the ridge between a Zembrian column and a larger Ostran army."},
		{"Battle of Vel Ridge", "9–11 June 1848", "The Battle of Vel Ridge was one of the hard fights of the Velm war. ",
			"It took place on 9–11 June 1848 on the open ground below the ridge, astride the road to Kest."},
		{"Battle of Montenegro", "10 June 1712", "",
			"The Battle of Montenegro (Ostran: Crnogorski boj) took place on 10 June 1712 (21 June in the Gregorian calendar) between a Zembrian column and a larger Ostran army."},
	} {
		text := "= " + tt.name + " =\n\nInfobox\n- Conflict: " + tt.name + "\n- Date: " + tt.date + "\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
			tt.lead + tt.told + "\n\n==Battle==\nAt dawn the Zembrian guns opened fire on the Ostran line.\n"
		evs := articleEvents(t, tab, text)
		var got []string
		found := false
		for _, ev := range evs {
			got = append(got, ev.DateStart.String())
			for _, e := range ev.Evidence {
				found = found || e.Text == tt.told
			}
		}
		if len(evs) != 1 || !found {
			t.Errorf("%s: clashes on %v, the lead's sentence among their evidence: %v; want the battle alone, with it", tt.name, got, found)
		}
	}
}

// In an article about one battle, a sentence dated to the battle's day
// that names both sides tells the battle joined, in whatever words
// ("ran into", "came upon", "were met by"): it is the battle's evidence,
// and what came before it on other days is no clash. A sentence naming
// one side only is no contact, nor is one naming a side's dead or
// telling what a side alleged.
func TestBothSidesOnTheBattlesDayAreTheBattle(t *testing.T) {
	tab := loadActors(t)
	const head = "= Battle of Vel Ridge =\n\nInfobox\n- Conflict: Battle of Vel Ridge\n- Date: 10 June 1848\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Battle of Vel Ridge was fought between Zembria and Ostra in June 1848.\n\n==Battle==\n" +
		"The Zembrian column left its camp on the evening of 9 June 1848. Its plan was to seize the ridge before dawn.\n\n"
	for _, tt := range []struct {
		told string
		want bool
	}{
		{"Shortly after six in the morning on 10 June, the Zembrian vanguard ran into the Ostran pickets below the crest.", true},
		{"On 10 June, at first light, the Ostran outposts came upon the Zembrian scouts in the mist.", true},
		{"At noon on 10 June the Zembrian skirmishers were met by Ostran horsemen on the slope.", true},
		{"At noon on 10 June the Zembrian column halted below the ridge to rest.", false},
		// A side named only by its dead or wounded, or by words the sides
		// traded, met no one.
		{"At noon on 10 June the Zembrian column returned the bodies of the Ostran dead below the ridge.", false},
		{"On 10 June Zembrian officials alleged that the men had been killed in captivity rather than in combat, a charge Ostra denied.", false},
		// Told undated on the battle's day, after a sentence that dates it.
		{"At noon on 10 June the Zembrian column came over the crest. The Zembrian guns unlimbered opposite the Ostran battery on the far slope.", true},
	} {
		evs := articleEvents(t, tab, head+tt.told+"\n")
		var got []string
		told := false
		for _, ev := range evs {
			got = append(got, ev.DateStart.String())
			for _, e := range ev.Evidence {
				told = told || strings.HasPrefix(tt.told, e.Text)
			}
		}
		if len(evs) != 1 || told != tt.want {
			t.Errorf("%q: clashes on %v, the sentence among their evidence: %v; want the battle alone, %v", tt.told, got, told, tt.want)
		}
	}
}

// A clash dated by a season ("Later that summer") is dated to the year,
// but it is fought in the season's months: in an article about a battle
// of October it is a clash of its own, not a part of the battle.
func TestAClashOfASeasonBeforeTheBattleIsNoPartOfIt(t *testing.T) {
	tab := loadActors(t)
	text := "= Battle of Vel Ridge =\n\nInfobox\n- Conflict: Battle of Vel Ridge\n- Date: 6–24 October 1950\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Battle of Vel Ridge was fought between Zembria and Ostra in October 1950.\n\n==Background==\n" +
		"In May 1950 a Zembrian detachment occupied the ferry post at Dolno. Later that summer Ostran militia attacked the post at Dolno and killed most of its garrison.\n\n" +
		"==Battle==\nOn 7 October 1950 Zembrian troops attacked the Ostran positions on Vel Ridge.\n"
	got := articleClashes(t, tab, text, true)
	if want := "1950-10-06/1950-10-24 1950/1950"; strings.Join(got, " ") != want {
		t.Errorf("clashes %v, want %s", got, want)
	}
}

// An article about one battle dated only by its year ("Date: 53 BC")
// has that battle as its event, as one dated to its day does: the year's
// span is not the battle's length.
func TestABattleDatedByItsYearIsTheArticlesEvent(t *testing.T) {
	tab := loadActors(t)
	text := "= Battle of Vel Ridge =\n\nInfobox\n- Conflict: Battle of Vel Ridge\n- Date: 53 BC\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n- Casualties1: 20,000 killed\n\n" +
		"The Battle of Vel Ridge was fought in 53 BC between Zembria and Ostra.\n\n==Battle==\nThe Ostran horsemen rode round the Zembrian square and shot into it until dark.\n"
	evs := articleEvents(t, tab, text)
	found := false
	for _, ev := range evs {
		for _, e := range ev.Evidence {
			found = found || e.Section == "Infobox"
		}
	}
	if len(evs) != 1 || !found {
		t.Errorf("%d clashes, one with the infobox's lines: %v; want the battle alone", len(evs), found)
	}
}

// The lead's sentence that names the article's battle ("The Battle of
// Vel Ridge … was a battle of the Velm war") is the battle's evidence,
// dated or not.
func TestTheLeadNamingTheBattleIsItsEvidence(t *testing.T) {
	tab := loadActors(t)
	for _, told := range []string{
		"The Battle of Vel Ridge (Ostran: Velmschlacht) was a battle of the Velm war between a Zembrian column and the Ostran army.",
		"The Battle of Vel Ridge, also called the Battle of Dolno, was fought in 1848 between a Zembrian column and the Ostran army.",
	} {
		text := "= Battle of Vel Ridge =\n\nInfobox\n- Conflict: Battle of Vel Ridge\n- Date: 10 June 1848\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
			told + " It ended the war.\n\n==Battle==\nAt dawn the Zembrian guns opened fire on the Ostran line.\n"
		evs := articleEvents(t, tab, text)
		found := false
		for _, ev := range evs {
			for _, e := range ev.Evidence {
				found = found || e.Text == told
			}
		}
		if len(evs) != 1 || !found {
			t.Errorf("%q: %d clashes, the lead's sentence among their evidence: %v; want the battle alone, with it", told, len(evs), found)
		}
	}
}

// A section of casualties tells the war's losses, summed or by side,
// not clashes: a sentence of a loss dated in it opens none.
func TestACasualtiesSectionTellsNoClash(t *testing.T) {
	tab := loadActors(t)
	text := "= Velm war =\n\nInfobox\n- Conflict: Velm war\n- Date: 3–20 May 1911\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Velm war was fought between Zembria and Ostra in May 1911.\n\n==War==\nOn 3 May 1911 Zembrian infantry stormed the Ostran post at Karvo.\n\n" +
		"==Casualties==\nEight Ostran soldiers were taken prisoner, and a Zembrian pilot was returned on 3 June 1911.\n"
	if got := articleClashes(t, tab, text, false); strings.Join(got, " ") != "1911-05-03" {
		t.Errorf("clashes %v, want the storming of 3 May alone", got)
	}
}

// The battle's day told at the head of its section, a paragraph before
// the first blows ("On the morning of 10 June the Zembrians drew up on
// the ridge"), is the battle's evidence: its telling starts there.
func TestTheBattlesDayToldAParagraphBeforeTheBlowsIsItsEvidence(t *testing.T) {
	tab := loadActors(t)
	const deploy = "On the morning of 10 June 1848 the Zembrian commander drew up his small force on the ridge, its back to the tents."
	text := "= Battle of Vel Ridge =\n\nInfobox\n- Conflict: Battle of Vel Ridge\n- Date: 10 June 1848\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Battle of Vel Ridge was fought between Zembria and Ostra in June 1848.\n\n==Battle==\n" + deploy + " A trench was dug behind the tents.\n\n" +
		"The Ostran commander opened the battle with a volley of arrows. A general attack by the Ostran cavalry was beaten back with heavy losses.\n"
	evs := articleEvents(t, tab, text)
	var texts []string
	for _, ev := range evs {
		for _, e := range ev.Evidence {
			texts = append(texts, e.Text)
		}
	}
	if len(evs) != 1 || !slices.Contains(texts, deploy) {
		t.Errorf("%d clashes, evidence %q; want the battle alone, told from %q", len(evs), texts, deploy)
	}
}

// An article's own subject, named in its lead without a day of its own
// ("The Battle of Vel Ridge was the climactic confrontation of the war"),
// is the conflict record, not a clash: a battle of weeks is told by its
// actions, and none of them is undated.
func TestTheLeadNamingAWeeksLongBattleUndatedIsNoClash(t *testing.T) {
	tab := loadActors(t)
	text := "= Battle of Vel Ridge =\n\nInfobox\n- Conflict: Battle of Vel Ridge\n- Date: 13 March – 7 May 1954\n- Place: Vel Ridge\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Battle of Vel Ridge was the climactic confrontation of the war between Zembria and Ostra.\n\n==Battle==\n" +
		"On 13 March 1954 Ostran infantry stormed the Zembrian strongpoint on the northern hill.\n\nOn 7 May 1954 the last Zembrian positions on the ridge were overrun by Ostran troops.\n"
	for _, ev := range articleEvents(t, tab, text) {
		if ev.DateStart.IsZero() {
			t.Errorf("an undated clash: %q", ev.Evidence[0].Text)
		}
	}
}

// In an article about a battle of one day, a fight told only by its year
// at a place of its own is another clash of that year, not the battle;
// one told at the battle's place, or with no place, is the battle.
func TestAFightDatedByTheBattlesYearElsewhereIsAClashOfItsOwn(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Name, c.Start, c.Places = "Battle of Velm", annalist.DayDate(1202, 10, 19), []string{"Velm"}
	const lead = "= Battle of Velm =\n\nInfobox\n- Conflict: Battle of Velm\n- Date: 19 October 1202\n- Place: Velm\n- Combatant1: Zembria\n- Combatant2: Ostra\n\nThe Battle of Velm was fought between Zembria and Ostra on 19 October 1202.\n\n==Campaign==\n"
	const battle = "\n\n==Battle==\nOn 19 October the Zembrians attacked the Ostrans at Velm and broke their line by noon.\n"
	tests := []struct{ text, want string }{
		{"In 1202 the Zembrian horse routed an Ostran levy near Kamen, and its captain was taken.", "1202-10-19 Battle of Velm | 1202"},
		{"In 1202 the Zembrian horse routed an Ostran levy near Velm, and its captain was taken.", "1202-10-19 Battle of Velm"},
	}
	for _, tt := range tests {
		if got := namedDates(readArticle(t, tab, c, lead+tt.text+battle), false); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// In an article about a battle of one day, a fight dated only by the
// battle's month and told before the body reaches the battle's day led up
// to it: a clash of its own. Told after the battle's day, the month's
// fighting is the battle's.
func TestAFightDatedByTheBattlesMonthBeforeItIsAClashOfItsOwn(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Name, c.Start, c.Places = "Battle of Velm", annalist.DayDate(1242, 4, 5), []string{"Velm"}
	const lead = "= Battle of Velm =\n\nInfobox\n- Conflict: Battle of Velm\n- Date: 5 April 1242\n- Place: Velm\n- Combatant1: Zembria\n- Combatant2: Ostra\n\nThe Battle of Velm was fought between Zembria and Ostra on 5 April 1242.\n\n==Campaign==\n"
	const battle = "\n\n==Battle==\nOn 5 April the Zembrians attacked the Ostrans at Velm and broke their line by noon.\n"
	tests := []struct{ text, after, want string }{
		{"At the beginning of April an Ostran vanguard was attacked by Zembrian knights at a bridge and cut to pieces.", "", "1242-04-05 Battle of Velm | 1242-04"},
		{"In the first days of April the Zembrians attacked the castle of Kamen but could not take it.", "", "1242-04-05 Battle of Velm | 1242-04"},
		{"", "\nIn April the Zembrian knights attacked the Ostran rearguard again and scattered it.", "1242-04-05 Battle of Velm"},
	}
	for _, tt := range tests {
		if got := namedDates(readArticle(t, tab, c, lead+tt.text+battle+tt.after), false); got != tt.want {
			t.Errorf("%q%q: clashes %q, want %q", tt.text, tt.after, got, tt.want)
		}
	}
}

// An article about a siege of months has the siege as a whole among its
// events, from its infobox's first day to its last, told by the body's
// sentence of its first day; its assaults stay clashes of their own. An
// article about a campaign of months has no such event.
func TestASiegeOfMonthsIsAnEventAsAWhole(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	body := "\n\n==Siege==\nOn 3 March 1650 the Ostran army crossed the river, invested Velo and laid siege to it.\n\n" +
		"On 12 May the Ostrans stormed the north bastion and were thrown back with heavy losses.\n\nOn 20 August the starving garrison surrendered.\n"
	tests := []struct{ name, want string }{
		{"Siege of Velo", "1650-03-03/1650-08-20 Siege of Velo | 1650-05-12/1650-05-12"},
		{"Velo campaign", "1650-03-03/1650-03-03 | 1650-05-12/1650-05-12"},
	}
	for _, tt := range tests {
		c.Name, c.Start, c.End, c.Places = tt.name, annalist.DayDate(1650, 3, 3), annalist.DayDate(1650, 8, 20), []string{"Velo"}
		text := "= " + tt.name + " =\n\nInfobox\n- Conflict: " + tt.name + "\n- Date: 3 March – 20 August 1650\n- Place: Velo\n- Combatant1: Ostra\n- Combatant2: Zembria\n\n" +
			"The " + tt.name + " was fought between Zembria and Ostra in 1650." + body
		evs := readArticle(t, tab, c, text)
		if got := namedDates(evs, true); got != tt.want {
			t.Errorf("%s: clashes %q, want %q", tt.name, got, tt.want)
		}
		if tt.name == "Siege of Velo" && len(evs) > 0 && !slices.ContainsFunc(evs[0].Evidence, func(e annalist.Evidence) bool { return strings.HasPrefix(e.Text, "On 3 March 1650") }) {
			t.Errorf("%s: the siege's first day is not its evidence: %v", tt.name, evs[0].Evidence)
		}
	}
}

// A siege whose infobox gives its first day as alternatives ("3 February
// or 3 March 1650") is still a siege of months, told from the day the body
// begins it within the month after the first alternative.
func TestASiegeBegunOnOneOfTwoDaysIsTheBodysDay(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Name, c.Start, c.End, c.DateUncertain, c.Places = "Siege of Velo", annalist.DayDate(1650, 2, 3), annalist.DayDate(1650, 8, 20), true, []string{"Velo"}
	text := "= Siege of Velo =\n\nInfobox\n- Conflict: Siege of Velo\n- Date: 3 February or 3 March 1650 – 20 August 1650\n- Place: Velo\n- Combatant1: Ostra\n- Combatant2: Zembria\n\n" +
		"The Siege of Velo was fought between Zembria and Ostra in 1650.\n\n==Siege==\nOn 3 March 1650 the Ostran army crossed the river, invested Velo and laid siege to it.\n\n" +
		"On 12 May the Ostrans stormed the north bastion and were thrown back with heavy losses.\n"
	if got, want := namedDates(readArticle(t, tab, c, text), true), "1650-03-03/1650-08-20 Siege of Velo | 1650-05-12/1650-05-12"; got != want {
		t.Errorf("clashes %q, want %q", got, want)
	}
}

// A clash of its own told on a long siege's first day ("Ostran horsemen
// attacked a patrol") keeps its sentence: the whole siege does not take
// it too.
func TestAClashOnASiegesFirstDayKeepsItsSentence(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Name, c.Start, c.End, c.Places = "Siege of Velo", annalist.DayDate(1650, 3, 3), annalist.DayDate(1650, 8, 20), []string{"Velo"}
	text := "= Siege of Velo =\n\nInfobox\n- Conflict: Siege of Velo\n- Date: 3 March – 20 August 1650\n- Place: Velo\n- Combatant1: Ostra\n- Combatant2: Zembria\n\n" +
		"The Siege of Velo was fought between Zembria and Ostra in 1650.\n\n==Siege==\nOn 3 March 1650 Ostran horsemen attacked a Zembrian patrol on the road outside Velo and killed four of its men.\n"
	evs := readArticle(t, tab, c, text)
	if got, want := namedDates(evs, true), "1650-03-03/1650-08-20 Siege of Velo | 1650-03-03/1650-03-03"; got != want {
		t.Fatalf("clashes %q, want %q", got, want)
	}
	for _, e := range evs[0].Evidence {
		if strings.HasPrefix(e.Text, "On 3 March 1650") {
			t.Errorf("the whole siege took the patrol's sentence: %q", e.Text)
		}
	}
}

// Over a fight of weeks, a clash told on a day more than a week after
// every one before it is a clash of its own, even at the same place;
// fighting told going on over the next days is the battle's.
func TestAClashAfterQuietWeeksOfABattleIsItsOwn(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Name, c.Start, c.End, c.Places = "Battle of Velm Island", annalist.DayDate(1969, 3, 2), annalist.DayDate(1969, 3, 17), []string{"Velm Island"}
	const head = "= Battle of Velm Island =\n\nInfobox\n- Conflict: Battle of Velm Island\n- Date: 2 – 17 March 1969\n- Place: Velm Island\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Battle of Velm Island was fought between Zembria and Ostra in March 1969.\n\n==Fighting==\nOn 2 March 1969 Ostran troops attacked a Zembrian patrol on Velm Island.\n\n"
	tests := []struct{ text, want string }{
		{"Shooting broke out again on the island on 15 March, when an Ostran company attacked the Zembrian post.", "1969-03-02 Battle of Velm Island | 1969-03-15"},
		{"The fighting went on through 3 March.", "1969-03-02 Battle of Velm Island"},
	}
	for _, tt := range tests {
		if got := namedDates(readArticle(t, tab, c, head+tt.text+"\n"), false); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.text, got, tt.want)
		}
	}
}

// readArticle reads text, a whole article in the plain-text rendering,
// with a Reader of its own, as the extractor does.
func readArticle(t *testing.T, tab *actor.Table, c *annalist.Conflict, text string) []annalist.Event {
	t.Helper()
	a, err := plaintext.Read("x.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(tab)
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := r.Extract(a, c)
	return evs
}

// In an article about a battle known by its month or year alone, the
// narrative never comes closer than the year: fighting told undated in
// the body, in the battle's year, is the battle's evidence, before
// Christ too.
func TestUndatedFightingOfABattleKnownByItsMonth(t *testing.T) {
	tab := loadActors(t)
	for _, tt := range []struct{ date, first, second, told string }{
		{"May 1326", "Zembria", "Ostra", "At dawn the Zembrian cavalry attacked the Ostran horsemen near the river."},
		{"May 326 BC", "Macedonian Empire", "Ostra", "At dawn the Macedonian cavalry attacked the Ostran horsemen near the river."},
		{"1326", "Zembria", "Ostra", "At dawn the Zembrian cavalry attacked the Ostran horsemen near the river."},
	} {
		text := "= Battle of Velo River =\n\nInfobox\n- Conflict: Battle of Velo River\n- Date: " + tt.date + "\n- Place: Velo River\n- Combatant1: " + tt.first + "\n- Combatant2: " + tt.second + "\n\n" +
			"The Battle of Velo River was fought in " + tt.date + ".\n\n==Battle==\n" + tt.told + "\n"
		evs := articleEvents(t, tab, text)
		told := false
		for _, ev := range evs {
			for _, e := range ev.Evidence {
				told = told || e.Text == tt.told
			}
		}
		if len(evs) != 1 || !told {
			t.Errorf("%s, %s: %d clashes, the body's fighting among their evidence: %v; want the battle alone, with it", tt.date, tt.first, len(evs), told)
		}
	}
}

// In an article about one battle, the outbreak of the war it was part of
// ("The war began on 11 October 1899, when …") is background, not a clash
// of the article; in the war's own article the invasion that began it is
// its first clash.
func TestTheOutbreakOfTheWarIsNoClashOfABattle(t *testing.T) {
	tab := loadActors(t)
	const background = "==Background==\nThe war began on 11 October 1899, when the Ostran republics invaded the Zembrian colony of Velo.\n\n"
	for _, tt := range []struct {
		name, head, body string
		want             []string
	}{
		{"battle", "= Battle of Brod =\n\nInfobox\n- Conflict: Battle of Brod\n- Date: 15 December 1899\n- Place: Brod\n- Combatant1: Zembria\n- Combatant2: Ostra\n\nThe Battle of Brod was fought on 15 December 1899.\n\n",
			"==Battle==\nOn 15 December 1899 Zembrian infantry attacked the Ostran trenches at Brod.\n", []string{"1899-12-15"}},
		{"war", "= Velo War =\n\nInfobox\n- Conflict: Velo War\n- Date: 11 October 1899 – 31 May 1902\n- Place: Velo\n- Combatant1: Zembria\n- Combatant2: Ostra\n\nThe Velo War was fought from 1899 to 1902.\n\n",
			"==Course==\nOn 15 December 1899 Zembrian infantry attacked the Ostran trenches at Brod.\n", []string{"1899-10-11", "1899-12-15"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			a, err := plaintext.Read("x.txt", []byte(tt.head+background+tt.body))
			if err != nil {
				t.Fatal(err)
			}
			r, err := NewReader(tab)
			if err != nil {
				t.Fatal(err)
			}
			evs, _ := r.Extract(a, infobox.Extract(a, tab))
			var got []string
			for _, ev := range evs {
				got = append(got, ev.DateStart.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("clashes on %v, want %v", got, tt.want)
			}
		})
	}
}

// The body tells a battle from its first clash; each clash it opens
// after that on the battle's days (a raid on the baggage elsewhere, the
// last assault, a counter-attack the next day) is a phase of the battle and an event of
// its own, fought at the battle's place when it names none. Fighting
// told as going on is the battle's, whatever the century or the length
// of the battle.
func TestTheLaterPhasesOfABattleAreEventsOfTheirOwn(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	for _, tt := range []struct {
		name, date  string
		start, end  annalist.Date
		body, want  string
		phasePlaces []string
	}{
		{
			name: "Battle of Harrow Ford", date: "14 May 1712", start: annalist.DayDate(1712, 5, 14), end: annalist.DayDate(1712, 5, 14),
			body: "Early on 14 May 1712 the Zembrian army crossed the ford and formed its line on the far bank.\n\n" +
				"At noon the Ostran horse charged the Zembrian left wing and broke two of its squadrons.\n\n" +
				"While the lines were engaged, a band of Ostran dragoons fell upon the Zembrian baggage at Kell and plundered it.\n\n" +
				"In the evening the Zembrian guard made a last assault on the Ostran centre. The fighting went on until dark.\n",
			// The charge at noon is the body's first clash: the battle.
			want:        "1712-05-14/1712-05-14 Battle of Harrow Ford | 1712-05-14/1712-05-14 | 1712-05-14/1712-05-14",
			phasePlaces: []string{"Kell", "Harrow Ford"},
		},
		{
			name: "Battle of Harrow Ford", date: "3–5 September 1916", start: annalist.DayDate(1916, 9, 3), end: annalist.DayDate(1916, 9, 5),
			body: "On 3 September 1916 Ostran infantry attacked the Zembrian trenches at the ford.\n\n" +
				"On 4 September a Zembrian battalion counter-attacked and retook the mill.\n\n" +
				"The Ostrans renewed their assault on 5 September and were thrown back again.\n",
			want:        "1916-09-03/1916-09-05 Battle of Harrow Ford | 1916-09-04/1916-09-04 | 1916-09-05/1916-09-05",
			phasePlaces: []string{"Harrow Ford", "Harrow Ford"},
		},
		{
			// One fight told over three sentences is the battle alone.
			name: "Battle of Harrow Ford", date: "14 May 1712", start: annalist.DayDate(1712, 5, 14), end: annalist.DayDate(1712, 5, 14),
			body: "On 14 May 1712 the Ostran army attacked the Zembrians at the ford. The fighting went on all day. By evening the Zembrians had given way.\n",
			want: "1712-05-14/1712-05-14 Battle of Harrow Ford",
		},
	} {
		text := "= " + tt.name + " =\n\nInfobox\n- Conflict: " + tt.name + "\n- Date: " + tt.date + "\n- Place: Harrow Ford\n- Coordinates: 51°30′N 12°15′E\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
			"The " + tt.name + " was fought between Zembria and Ostra.\n\n==Battle==\n" + tt.body
		c.Name, c.Start, c.End, c.Places = tt.name, tt.start, tt.end, []string{"Harrow Ford"}
		c.Coordinates = &annalist.LatLon{Lat: 51.5, Lon: 12.25}
		evs := readArticle(t, tab, c, text)
		if got := namedDates(evs, true); got != tt.want {
			t.Errorf("%s, %s: clashes %q, want %q", tt.name, tt.date, got, tt.want)
			continue
		}
		for i, want := range tt.phasePlaces {
			ev := evs[i+1]
			if ev.Place == nil || ev.Place.Text != want && !strings.HasSuffix(ev.Place.Text, " "+want) {
				t.Errorf("%s, %s: phase %d at %v, want %s", tt.name, tt.date, i+1, ev.Place, want)
			} else if want == "Harrow Ford" && (ev.Place.Lat == nil || *ev.Place.Lat != 51.5) {
				t.Errorf("%s, %s: phase %d at %s has no coordinates of the battle's", tt.name, tt.date, i+1, want)
			}
		}
	}
}

// An article about one battle tells the war around it: a clash of the
// battle's own belligerents, each side named fighting, dated on its own
// within ten years before or after the battle, is a clash of that war,
// told by its year as well as by its day. One decades away, or against
// a people the war does not name, is background.
func TestTheWarAroundABattleHasItsClashes(t *testing.T) {
	tab, c := twoSided(t, "Zembria", "Ostra")
	c.Name, c.Start, c.End, c.Places = "Battle of Harrow Ford", annalist.DayDate(1712, 5, 14), annalist.DayDate(1712, 5, 14), []string{"Harrow Ford"}
	head := "= Battle of Harrow Ford =\n\nInfobox\n- Conflict: Battle of Harrow Ford\n- Date: 14 May 1712\n- Place: Harrow Ford\n- Combatant1: Zembria\n- Combatant2: Ostra\n\n" +
		"The Battle of Harrow Ford was fought between Zembria and Ostra on 14 May 1712.\n\n==Background==\n"
	battle := "\n\n==Battle==\nOn 14 May 1712 the Ostran army attacked the Zembrian line at the ford.\n"
	for _, tt := range []struct{ told, want string }{
		{"In 1705 the Zembrian army besieged the Ostran fortress of Tarn and took it by storm.", "1712-05-14 Battle of Harrow Ford | 1705"},
		{"In 1716 the Ostrans retook Tarn from the Zembrians after a siege of two months.", "1712-05-14 Battle of Harrow Ford | 1716"},
		{"In 1680 the Zembrian army besieged the Ostran fortress of Tarn and took it by storm.", "1712-05-14 Battle of Harrow Ford"},
		{"In 1705 the Zembrian army fought the Velmish tribes at Tarn.", "1712-05-14 Battle of Harrow Ford"},
	} {
		text := head + tt.told
		if strings.HasPrefix(tt.told, "In 1716") {
			text = head + "The war went on after the battle." + battle + "\n==Aftermath==\n" + tt.told + "\n"
		} else {
			text += battle
		}
		if got := namedDates(readArticle(t, tab, c, text), false); got != tt.want {
			t.Errorf("%q: clashes %q, want %q", tt.told, got, tt.want)
		}
	}
}
