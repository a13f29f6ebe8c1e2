package event

import (
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/actor"
)

func TestBattleNameTellsOneFightFromASeries(t *testing.T) {
	tab, err := actor.Load()
	if err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(tab)
	if err != nil {
		t.Fatal(err)
	}
	x := r.newArticle(&annalist.Article{}, nil)
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
