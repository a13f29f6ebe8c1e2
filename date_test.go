package annalist

import (
	"encoding/json"
	"testing"
)

func TestDateStringCutsToPrecision(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{YearDate(1935), "1935"},
		{MonthDate(1935, 6), "1935-06"},
		{DayDate(1935, 6, 8), "1935-06-08"},
		{YearDate(-490), "-0490"},
		{Date{}, ""},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%#v.String() = %q, want %q", tt.d, got, tt.want)
		}
		if tt.want == "" {
			continue
		}
		back, err := ParseDate(tt.want)
		if err != nil || back != tt.d {
			t.Errorf("ParseDate(%q) = %#v, %v; want %#v", tt.want, back, err, tt.d)
		}
	}
}

func TestParseDateRejectsNonsense(t *testing.T) {
	for _, s := range []string{"35", "1935-13", "1935-02-30", "19x5", "1935-06-08-01"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) gave no error", s)
		}
	}
}

func TestDateJSONNullWhenZero(t *testing.T) {
	b, _ := json.Marshal(struct {
		A Date `json:"a"`
		B Date `json:"b"`
	}{A: MonthDate(1937, 6)})
	if string(b) != `{"a":"1937-06","b":null}` {
		t.Fatalf("got %s", b)
	}
}

func TestAddDaysCrossesMonthsAndYears(t *testing.T) {
	tests := []struct {
		from Date
		n    int
		want Date
	}{
		{DayDate(1935, 12, 19), 5, DayDate(1935, 12, 24)},
		{DayDate(1935, 12, 30), 3, DayDate(1936, 1, 2)},
		{DayDate(1936, 2, 28), 1, DayDate(1936, 2, 29)},
		{DayDate(1900, 2, 28), 1, DayDate(1900, 3, 1)},
		{DayDate(1939, 9, 15), 1, DayDate(1939, 9, 16)},
		{DayDate(2000, 1, 1), -1, DayDate(1999, 12, 31)},
	}
	for _, tt := range tests {
		if got := tt.from.AddDays(tt.n); got != tt.want {
			t.Errorf("%v + %d = %v, want %v", tt.from, tt.n, got, tt.want)
		}
	}
}

func TestDatePrecFollowsUCDPCodes(t *testing.T) {
	tests := []struct {
		s, e Date
		want int
	}{
		{DayDate(1935, 1, 8), DayDate(1935, 1, 8), 1},
		{DayDate(1936, 3, 11), DayDate(1936, 3, 12), 2},
		{DayDate(1939, 7, 2), DayDate(1939, 7, 8), 3},
		{MonthDate(1935, 6), MonthDate(1935, 6), 4},
		{DayDate(1938, 7, 29), DayDate(1938, 8, 11), 4},
		{YearDate(1935), YearDate(1935), 5},
		{Date{}, Date{}, 0},
	}
	for _, tt := range tests {
		if got := DatePrec(tt.s, tt.e); got != tt.want {
			t.Errorf("DatePrec(%v, %v) = %d, want %d", tt.s, tt.e, got, tt.want)
		}
	}
}
