package infobox

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/annalist/annalist"
)

// article builds an Article from infobox fields and lead paragraphs.
func article(title string, fields [][2]string, lead ...string) *annalist.Article {
	a := &annalist.Article{Title: title, Format: annalist.FormatText}
	for _, f := range fields {
		a.Infobox = append(a.Infobox, annalist.Field{Key: strings.ToLower(f[0]), Value: f[1]})
	}
	for _, p := range lead {
		a.Blocks = append(a.Blocks, annalist.Block{Kind: annalist.Paragraph, Section: -1, Text: p})
	}
	return a
}

func TestSplitListSeparatesItemsNotNumbersOrParentheses(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"30,443–32,418, 29,766–31,290, 677–1,128", []string{"30,443–32,418", "29,766–31,290", "677–1,128"}},
		{"45 killed (official), 4 helicopters destroyed, (3 Mi-8T, 1 Mi-25)", []string{"45 killed (official)", "4 helicopters destroyed", "(3 Mi-8T, 1 Mi-25)"}},
		{",", []string{"", ""}},
		{", Kōtoku Satō", []string{"", "Kōtoku Satō"}},
		{"1,000; 2,000", []string{"1,000", "2,000"}},
		{"1,0000, 5", []string{"1", "0000", "5"}},
		{"Japan", []string{"Japan"}},
		{"| Duchy of Velm | Karvo Order", []string{"", "Duchy of Velm", "Karvo Order"}},
		{"Duchy of Velm | Karvo Order |", []string{"Duchy of Velm", "Karvo Order", ""}},
		{"border|23px", []string{"border|23px"}},
	}
	for _, tt := range tests {
		var got []string
		for _, it := range splitList(tt.in, nil) {
			if tt.in[it.off:it.off+len(it.text)] != it.text {
				t.Errorf("splitList(%q): item %q at %d does not match the input", tt.in, it.text, it.off)
			}
			got = append(got, it.text)
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitList(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStripCitations(t *testing.T) {
	tests := map[string]string{
		"12 killed[1], 30 wounded[note 2]": "12 killed, 30 wounded",
		"Ivo Petrov[a][b]":                 "Ivo Petrov",
		"No marks":                         "No marks",
		"[1, 2] kept, [unclosed":           "[1, 2] kept, [unclosed",
	}
	for in, want := range tests {
		got, changed := stripCitations(in)
		if got != want || changed != (in != want) {
			t.Errorf("stripCitations(%q) = %q, %v; want %q", in, got, changed, want)
		}
	}
	a := article("W", [][2]string{{"Casualties1", "12 killed[1]"}, {"Commander1", "Ivo Petrov[a]"}})
	a.Infobox[0].ValueSpan = annalist.Span{Start: 0, End: len(a.Infobox[0].Value)}
	c := Extract(a, testActors)
	if f := c.Sides[0].Casualties; len(f) != 1 || f[0].What != P || f[0].Span != nil {
		t.Errorf("casualties %v: want one personnel figure without a source span", flat(f))
	}
	if c.Sides[0].Commanders[0].Name != "Ivo Petrov" || a.Infobox[0].Value != "12 killed[1]" {
		t.Errorf("commander %q; the article's own field must stay %q", c.Sides[0].Commanders[0].Name, a.Infobox[0].Value)
	}
}

func TestCleanItemRemovesImageLeftovers(t *testing.T) {
	tests := map[string]string{
		"border|23px Ana Ruiz":        "Ana Ruiz",
		"24px":                        "",
		"**18px Northern Command":     "Northern Command",
		"*138th Rifle Regiment":       "138th Rifle Regiment",
		"18px Special Frontier Force": "Special Frontier Force",
		"20x15px Foo":                 "Foo",
		"23 px":                       "23 px",
		"Mi-24px":                     "Mi-24px",
	}
	for in, want := range tests {
		if got := cleanItem(item{in, 0}).text; got != want {
			t.Errorf("cleanItem(%q) = %q, want %q", in, got, want)
		}
	}
}

type cmd struct{ name, fate string }

func commanders(v string) []cmd {
	var out []cmd
	for _, c := range testLex.readCommanders(v, testActors, nil, true) {
		f := ""
		if c.Fate != nil {
			f = *c.Fate
		}
		out = append(out, cmd{c.Name, f})
	}
	return out
}

func TestCommandersOnePerPersonWithFates(t *testing.T) {
	tests := []struct {
		name, in string
		want     []cmd
	}{
		{"plain list", "Ada Lovelace, Alan Turing", []cmd{{"Ada Lovelace", ""}, {"Alan Turing", ""}}},
		{"empty items dropped", ", Kōtoku Satō, ", []cmd{{"Kōtoku Satō", ""}}},
		{"image junk", "border|23px Ana Ruiz, 24px Jo Doe", []cmd{{"Ana Ruiz", ""}, {"Jo Doe", ""}}},
		{"role note item", "Ana Ruiz, (President), Ben Cruz, (Commander, 5th Division)", []cmd{{"Ana Ruiz", ""}, {"Ben Cruz", ""}}},
		{"role note inline", "Ana Ruiz (Army Commander in Chief)", []cmd{{"Ana Ruiz", ""}}},
		{"titles", "Gen. Paco Diaz, Emperor Meiji, Field Marshal Karl Roth", []cmd{{"Paco Diaz", ""}, {"Meiji", ""}, {"Karl Roth", ""}}},
		{"a peer keeps his style before a title alone", "Lord Raglan, Lord John Russell, Lady Tesk", []cmd{{"Lord Raglan", ""}, {"John Russell", ""}, {"Lady Tesk", ""}}},
		{"title alone kept", "General", []cmd{{"General", ""}}},
		{"last of a prose list", "Ana Ruiz, Ben Cruz, and Maj.-Gen. Ivo Petrov (KIA), & Li Wei", []cmd{{"Ana Ruiz", ""}, {"Ben Cruz", ""}, {"Ivo Petrov", fateKIA}, {"Li Wei", ""}}},
		{"KIA glued", "Bataar EnkhjargalKIA, Jaija BataarKIA", []cmd{{"Bataar Enkhjargal", fateKIA}, {"Jaija Bataar", fateKIA}}},
		{"KIA glued to a regnal number", "Otar IKIA, Vel XIIExecuted, Ivo II", []cmd{{"Otar I", fateKIA}, {"Vel XII", "executed"}, {"Ivo II", ""}}},
		{"KIA next item", "Ivo Petrov, KIA", []cmd{{"Ivo Petrov", fateKIA}}},
		{"KIA after space", "Ivo Petrov KIA", []cmd{{"Ivo Petrov", fateKIA}}},
		{"POW", "Ivo Petrov, POW, Li Wei", []cmd{{"Ivo Petrov", fateCaptured}, {"Li Wei", ""}}},
		{"POW glued", "Ivo PetrovPOW", []cmd{{"Ivo Petrov", fateCaptured}}},
		{"wounded in action", "Ivo PetrovWIA, Li Wei (WIA), Ana Ruiz", []cmd{{"Ivo Petrov", fateWIA}, {"Li Wei", fateWIA}, {"Ana Ruiz", ""}}},
		{"dagger", "Ivo Petrov †, †Li Wei", []cmd{{"Ivo Petrov", fateExecuted}, {"Li Wei", fateExecuted}}},
		{"executed item", "Ivo Petrov, Executed", []cmd{{"Ivo Petrov", fateExecuted}}},
		{"fate in parentheses", "Ivo Petrov (KIA)", []cmd{{"Ivo Petrov", fateKIA}}},
		{"KIA with no one before", "KIA, Li Wei", []cmd{{"Li Wei", ""}}},
		{"uppercase name ending", "Mohammed AKIA", []cmd{{"Mohammed AKIA", ""}}},
		{"state heading dropped", "Soviet Union:, Ivo Petrov, Japan", []cmd{{"Ivo Petrov", ""}}},
		{"a rank of a state", "Marshal of the Soviet Union Ivo Petrov, General of the Army Li Wei", []cmd{{"Ivo Petrov", ""}, {"Li Wei", ""}}},
		{"no one's name", "Ana Ruiz, and others, Ben Cruz, various", []cmd{{"Ana Ruiz", ""}, {"Ben Cruz", ""}}},
		{"a script without case", "毛泽东, Ana Ruiz", []cmd{{"毛泽东", ""}, {"Ana Ruiz", ""}}},
		{"a style or an epithet after a comma goes on the name", "Henri, Prince of Condé, Arthur Wellesley, 1st Duke of Wellington, Edward, the Black Prince, Ana Ruiz", []cmd{{"Henri, Prince of Condé", ""}, {"Arthur Wellesley, 1st Duke of Wellington", ""}, {"Edward, the Black Prince", ""}, {"Ana Ruiz", ""}}},
		// Between line breaks a style after a comma goes on any name; in a
		// comma list a regnal number leaves it in doubt, read as two.
		{"a peer's style and title name after a comma", "Ana Ruiz | William, Lord Tesh | John Vel, Baron Vel KIA | Lord Raglan, Lord Lucan", []cmd{{"Ana Ruiz", ""}, {"William, Lord Tesh", ""}, {"John Vel, Baron Vel", fateKIA}, {"Lord Raglan", ""}, {"Lord Lucan", ""}}},
		{"a style inside an entry of a broken line", "Ana Ruiz | Charles V, Duke of Vel | Max Emanuel, Elector of Tesh | Ben Cruz", []cmd{{"Ana Ruiz", ""}, {"Charles V, Duke of Vel", ""}, {"Max Emanuel, Elector of Tesh", ""}, {"Ben Cruz", ""}}},
		{"a style after a regnal number in a comma list", "Charles I, Duke of Vel, Ana Ruiz", []cmd{{"Charles I", ""}, {"Duke of Vel", ""}, {"Ana Ruiz", ""}}},
		{"two people after a note, the break lost", "Gen. Ana Ruiz (Chief of Staff) Lt. Gen. Ben Cruz (POW) Li Wei (until 1979)", []cmd{{"Ana Ruiz", ""}, {"Ben Cruz", fateCaptured}, {"Li Wei", ""}}},
	}
	for _, tt := range tests {
		if got := commanders(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: readCommanders(%q) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

// fig is a Figure flattened for comparison: low/high as text ("-" for
// null), and status, source, label and date ("" for null).
type fig struct {
	what, status, low, high, by, label, date string
}

func (f fig) String() string {
	return fmt.Sprintf("{%s %s %s..%s by=%s label=%s date=%s}", f.what, f.status, f.low, f.high, f.by, f.label, f.date)
}

func flat(figs []annalist.Figure) []fig {
	var out []fig
	s := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	n := func(p *int) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	for _, f := range figs {
		d := ""
		if f.Date != nil {
			d = f.Date.String()
		}
		out = append(out, fig{f.What, s(f.Status), n(f.Low), n(f.High), s(f.AccordingTo), s(f.Label), d})
	}
	return out
}

const P = personnel

func TestFigures(t *testing.T) {
	tests := []struct {
		name, in string
		want     []fig
	}{
		{"plain number is personnel", "18,400", []fig{{P, "", "18400", "18400", "", "", ""}}},
		{"things counted", "210 tanks, 150 artillery pieces, 45 fighters", []fig{
			{"tanks", "", "210", "210", "", "", ""}, {"artillery pieces", "", "150", "150", "", "", ""}, {"fighters", "", "45", "45", "", "", ""}}},
		{"people nouns", "7,500 troops, ~30 soldiers and civilians killed, 4 soldiers captured", []fig{
			{P, "", "7500", "7500", "", "", ""}, {P, "killed", "30", "30", "", "", ""}, {P, "captured", "4", "4", "", "", ""}}},
		{"compound thing", "50 ships and craft", []fig{{"ships and craft", "", "50", "50", "", "", ""}}},
		{"spaced range", "115,000 - 120,000 soldiers, 50,000 – 60,000", []fig{{P, "", "115000", "120000", "", "", ""}, {P, "", "50000", "60000", "", "", ""}}},
		{"people by nation", "149,000 Swedes, About 20,000 Hungarian cavalry, 30 French tanks", []fig{
			{P, "", "149000", "149000", "", "", ""}, {P, "", "20000", "20000", "", "", ""}, {"French tanks", "", "30", "30", "", "", ""}}},
		{"range", "6,000–6,500", []fig{{P, "", "6000", "6500", "", "", ""}}},
		{"range with to", "2,000 to 3,500 killed and wounded", []fig{{P, "killed or wounded", "2000", "3500", "", "", ""}}},
		{"open bound", "500+ wounded, 30+ tanks destroyed", []fig{{P, "wounded", "500", "-", "", "", ""}, {"tanks", "destroyed", "30", "-", "", "", ""}}},
		{"upper bound", "< 41,199 killed", []fig{{P, "killed", "-", "41199", "", "", ""}}},
		{"at least", "at least 150 bodies recovered in the valley", []fig{{P, "recovered", "150", "-", "", "", ""}}},
		{"approximations", "~650 killed, About 600, c. 600 wounded", []fig{
			{P, "killed", "650", "650", "", "", ""}, {P, "", "600", "600", "", "", ""}, {P, "wounded", "600", "600", "", "", ""}}},
		{"number word", "Four landing ships destroyed", []fig{{"landing ships", "destroyed", "4", "4", "", "", ""}}},
		{"vague with a thing", "several tankettes destroyed", []fig{{"tankettes", "destroyed", "-", "-", "", "", ""}}},
		{"bare unknown is no figure", "Unknown", nil},
		{"unknown but heavy is no figure", "Unknown but heavy", nil},
		{"statuses as written", "610 killed & missing, 2,145 wounded or sick, 81 tanks destroyed or crippled, 352 killed/died of wounds", []fig{
			{P, "killed or missing", "610", "610", "", "", ""}, {P, "wounded or sick", "2145", "2145", "", "", ""},
			{"tanks", "destroyed or crippled", "81", "81", "", "", ""}, {P, "killed or died of wounds", "352", "352", "", "", ""}}},
		{"POW and aircraft", "1 POW, 6 POWs, 2 MiG-27 shot down, 1 Mil Mi-17 shot down", []fig{
			{P, "captured", "1", "1", "", "", ""}, {P, "captured", "6", "6", "", "", ""},
			{"MiG-27", "shot down", "2", "2", "", "", ""}, {"Mil Mi-17", "shot down", "1", "1", "", "", ""}}},
		{"a status after joined things tells of each", "1 F-5E and 1 OV-10 shot down, 12 guns & 300 men captured", []fig{
			{"F-5E", "shot down", "1", "1", "", "", ""}, {"OV-10", "shot down", "1", "1", "", "", ""},
			{"guns", "captured", "12", "12", "", "", ""}, {P, "captured", "300", "300", "", "", ""}}},
		{"a list run together by spaces splits after each status", "45 dead 112 wounded 20 missing, 3 guns lost 2 days later", []fig{
			{P, "killed", "45", "45", "", "", ""}, {P, "wounded", "112", "112", "", "", ""}, {P, "missing", "20", "20", "", "", ""},
			{"guns", "lost 2 days later", "3", "3", "", "", ""}}},
		{"a figure run on after another's note", "400 killed (Libyan claim) 100 killed (Egyptian claim)", []fig{
			{P, "killed", "400", "400", "Libyan claim", "", ""}, {P, "killed", "100", "100", "Egyptian claim", "", ""}}},
		{"a status with its particle ends a figure", "2 MiG-23 shot down 1 Mi-24 destroyed", []fig{
			{"MiG-23", "shot down", "2", "2", "", "", ""}, {"Mi-24", "destroyed", "1", "1", "", "", ""}}},
		{"figures run together after a noun of what is counted", "5,000 regulars 3,000 militia, 40 tanks 12 guns, 1 Boeing 707 destroyed", []fig{
			{P, "", "5000", "5000", "", "", ""}, {P, "", "3000", "3000", "", "", ""}, {"tanks", "", "40", "40", "", "", ""}, {"guns", "", "12", "12", "", "", ""},
			{"Boeing 707", "destroyed", "1", "1", "", "", ""}}},
		{"labels run together", "Initial: 5,000 Final: 20,000", []fig{{P, "", "5000", "5000", "", "Initial", ""}, {P, "", "20000", "20000", "", "Final", ""}}},
		{"hurt is a status", "5 hurt, 3 soldiers hurt", []fig{{P, "hurt", "5", "5", "", "", ""}, {P, "hurt", "3", "3", "", "", ""}}},
		{"a status written with commas is one", "5,000 killed, wounded or missing", []fig{{P, "killed wounded or missing", "5000", "5000", "", "", ""}}},
		{"a year in a note dates the figure", "10,000 (2009 estimate), 1500 (1500 men)", []fig{
			{P, "", "10000", "10000", "", "", "2009"}, {P, "", "1500", "1500", "", "", ""}, {P, "", "1500", "1500", "", "", ""}}},
		{"casualties as status", "40+ casualties", []fig{{P, "casualties", "40", "-", "", "", ""}}},
		{"header attribution runs to the next header", "Soviet claim:, 1,200 total, 400 killed and 800 wounded or, Japanese claim:, 12 tanks destroyed", []fig{
			{P, "", "1200", "1200", "Soviet claim", "Total", ""}, {P, "killed", "400", "400", "Soviet claim", "", ""},
			{P, "wounded", "800", "800", "Soviet claim", "", ""}, {"tanks", "destroyed", "12", "12", "Japanese claim", "", ""}}},
		{"per header", "Per India:, 3 injured", []fig{{P, "injured", "3", "3", "India", "", ""}}},
		{"a header of non-combatants says what its figures count", "Zembrian civilians: 100 killed, 416 injured | Ostran soldiers: 85 killed", []fig{
			{"civilians", "killed", "100", "100", "", "Zembrian civilians", ""}, {"civilians", "injured", "416", "416", "", "", ""},
			{P, "killed", "85", "85", "", "Ostran soldiers", ""}}},
		{"trailing sources apply back", "700 killed, 30+ tanks destroyed, (Soviet sources), 75 tanks destroyed, (Japanese sources)", []fig{
			{P, "killed", "700", "700", "Soviet sources", "", ""}, {"tanks", "destroyed", "30", "-", "Soviet sources", "", ""},
			{"tanks", "destroyed", "75", "75", "Japanese sources", "", ""}}},
		{"glued trailing sources", "480 killed, 820 wounded(Japanese sources), 2,500 killed & missing(Soviet claim)", []fig{
			{P, "killed", "480", "480", "Japanese sources", "", ""}, {P, "wounded", "820", "820", "Japanese sources", "", ""},
			{P, "killed or missing", "2500", "2500", "Soviet claim", "", ""}}},
		{"per applies to its own figure", "410 killed, 1,250 (per Musharraf), 3,100 killed (per Nawaz Sharif)", []fig{
			{P, "killed", "410", "410", "", "", ""}, {P, "", "1250", "1250", "Musharraf", "", ""}, {P, "killed", "3100", "3100", "Nawaz Sharif", "", ""}}},
		{"per as next item", "1,250, (per Musharraf)", []fig{{P, "", "1250", "1250", "Musharraf", "", ""}}},
		{"other trailing sources", "45 killed (official), 70 killed & +300 wounded (others), 3 (PML(N) white paper)", []fig{
			{P, "killed", "45", "45", "official", "", ""}, {P, "killed", "70", "70", "others", "", ""},
			{P, "wounded", "300", "-", "others", "", ""}, {P, "", "3", "3", "PML(N) white paper", "", ""}}},
		{"vague joined part", "250 killed & N/A wounded", []fig{{P, "killed", "250", "250", "", "", ""}, {P, "wounded", "-", "-", "", "", ""}}},
		{"notes are not sources", "310 killed (excluding naval personnel), 7 captured (later released)", []fig{
			{P, "killed", "310", "310", "", "", ""}, {P, "captured", "7", "7", "", "", ""}}},
		{"label inline", "Total: 30,443–32,418, 29,766–31,290", []fig{{P, "", "30443", "32418", "", "Total", ""}, {P, "", "29766", "31290", "", "", ""}}},
		{"label words", "Line of Control: 120,000, (3 March 2021)", []fig{{P, "", "120000", "120000", "", "Line of Control", "2021-03-03"}}},
		{"label header", "Manpower:, 5,000", []fig{{P, "", "5000", "5000", "", "Manpower", ""}}},
		{"group header is no label", "Material losses:, 43 tanks destroyed", []fig{{"tanks", "destroyed", "43", "43", "", "", ""}}},
		{"state header is no label", "Soviet Union: 9,703 killed, 15,952 wounded, Mongolia:, 990 killed", []fig{
			{P, "killed", "9703", "9703", "", "", ""}, {P, "wounded", "15952", "15952", "", "", ""}, {P, "killed", "990", "990", "", "", ""}}},
		{"total word", "1,200–2,400 total, as, 500 killed", []fig{{P, "", "1200", "2400", "", "Total", ""}, {P, "killed", "500", "500", "", "", ""}}},
		{"date headers are not figures", "Per India:, 11 April 2019:, 3 injured, 2 May 2019:, 12 killed", []fig{
			{P, "injured", "3", "3", "India", "", "2019-04-11"}, {P, "killed", "12", "12", "India", "", "2019-05-02"}}},
		{"date in a note is not a figure", "6 captured (released on 20 July)", []fig{{P, "captured", "6", "6", "", "", ""}}},
		{"header glued after a figure", "20–30 killed Per China:, 2 May 2019:, 5 killed", []fig{
			{P, "killed", "20", "30", "", "", ""}, {P, "killed", "5", "5", "China", "", "2019-05-02"}}},
		{"date header glued after a note", "6 captured (released on 20 July) 9 March 2019:, 2 injured", []fig{
			{P, "captured", "6", "6", "", "", ""}, {P, "injured", "2", "2", "", "", "2019-03-09"}}},
		{"sub-figures take status", "4 helicopters destroyed, (3 Mi-8T, 1 Mi-25)", []fig{
			{"helicopters", "destroyed", "4", "4", "", "", ""}, {"Mi-8T", "destroyed", "3", "3", "", "", ""}, {"Mi-25", "destroyed", "1", "1", "", "", ""}}},
		{"sub-figures grade", "50 injured (20 serious, 30 minor)", []fig{
			{P, "injured", "50", "50", "", "", ""}, {P, "injured", "20", "20", "", "serious", ""}, {P, "injured", "30", "30", "", "minor", ""}}},
		{"sub-figure in a note", "600–900 killed (at least 150 bodies recovered)", []fig{
			{P, "killed", "600", "900", "", "", ""}, {P, "recovered", "150", "-", "", "", ""}}},
		{"unconfirmed number", "Unconfirmed number captured (later released)", []fig{{P, "captured", "-", "-", "", "", ""}}},
		{"unknown number is not what is counted", "Unknown number killed, 2,000+ captured", []fig{{P, "killed", "-", "-", "", "", ""}, {P, "captured", "2000", "-", "", "", ""}}},
		{"unknown number of a noun", "Unknown number of casualties", []fig{{P, "casualties", "-", "-", "", "", ""}}},
		{"a unit named by its arm", "1 infantry brigade (3,000 men)", []fig{{"infantry brigade", "", "1", "1", "", "", ""}, {P, "", "3000", "3000", "", "", ""}}},
		{"people of a unit", "200 men of the 5th Regiment", []fig{{P, "", "200", "200", "", "", ""}}},
	}
	for _, tt := range tests {
		figs, _ := testLex.readFigures(tt.in, 0, testActors)
		if got := flat(figs); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: readFigures(%q)\n got %v\nwant %v", tt.name, tt.in, got, tt.want)
		}
		for _, f := range figs {
			if f.Span == nil || f.Span.Start < 0 || f.Span.End > len(tt.in) || tt.in[f.Span.Start:f.Span.End] != f.Text {
				t.Errorf("%s: figure %q has span %v outside the input or not its text", tt.name, f.Text, f.Span)
			}
		}
	}
}

func TestStateHeadersCreditTheirFigures(t *testing.T) {
	figs, _ := testLex.readFigures("Soviet Union: 9,703 killed, 15,952 wounded, Mongolia:, 990 killed", 0, testActors)
	var got []string
	for _, f := range figs {
		got = append(got, f.Belligerent)
	}
	if want := []string{"Soviet Union", "Soviet Union", "Mongolia"}; !reflect.DeepEqual(got, want) {
		t.Errorf("credited %q, want %q", got, want)
	}
}

func TestFiguresPartialWhenProseHidesNumbers(t *testing.T) {
	figs, partial := testLex.readFigures("Reports say that 300 were killed", 0, testActors)
	if !partial || len(figs) != 1 || *figs[0].Low != 300 {
		t.Errorf("got %v partial=%v, want the one clear number and figures_partial", flat(figs), partial)
	}
	if _, partial := testLex.readFigures("300 killed", 0, testActors); partial {
		t.Error("a clean line is marked partial")
	}
}

func TestSumOfPartsCreditsBelligerentsWhenSumsAgree(t *testing.T) {
	tests := []struct {
		name, line string
		bell       []string
		want       []string // Belligerent per figure
	}{
		{"ranges agree", "Total: 30,443–32,418, 29,766–31,290, 677–1,128, 350 tanks destroyed", []string{"A", "B"}, []string{"", "A", "B", ""}},
		{"single numbers agree", "Total: 24,095–26,011, 21,190–23,106, 2,905", []string{"A", "B"}, []string{"", "A", "B"}},
		{"sums disagree", "Total: 30,443–32,418, 29,766–31,290, 600–1,128", []string{"A", "B"}, []string{"", "", ""}},
		{"parts by status are not by belligerent", "Total: 1,516, 516 killed, 1,000 wounded", []string{"A", "B"}, []string{"", "", ""}},
		{"one belligerent", "Total: 600, 191, 409", []string{"A"}, []string{"", "", ""}},
		{"no total", "30,443, 29,766, 677", []string{"A", "B"}, []string{"", "", ""}},
	}
	for _, tt := range tests {
		figs, _ := testLex.readFigures(tt.line, 0, testActors)
		s := annalist.Side{Belligerents: tt.bell, Casualties: figs}
		creditParts(&s)
		var got []string
		for _, f := range s.Casualties {
			got = append(got, f.Belligerent)
			if f.SumOfParts != (f.Belligerent != "") {
				t.Errorf("%s: SumOfParts %v for %q", tt.name, f.SumOfParts, f.Text)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: credited %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseDateHeader(t *testing.T) {
	tests := map[string]string{
		"15 June 2020": "2020-06-15", "June 15, 2020": "2020-06-15", "June 2020": "2020-06",
		"1939": "1939", "2020-05-05": "2020-05-05", "10 May 2020:": "2020-05-10",
		"31 June 2020": "", "Per India": "", "15 killed": "", "June": "", "Sept. 1939": "1939-09",
	}
	for in, want := range tests {
		d, ok := parseDateHeader(in)
		if got := d.String(); got != want || ok != (want != "") {
			t.Errorf("parseDateHeader(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
