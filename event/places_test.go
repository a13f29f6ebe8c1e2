package event

import "testing"

// A clash's place: a name after a preposition of place, the named place
// of what the fighting struck, the object of a fight verb, names with
// hyphens and particles, the ground between two places; never the place
// of a protest told after it, nor of talks told before it.
func TestPlacesOfAClash(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"On 4 May 1790, Ostran sloops intercepted a Zembrian brig off Santa Marta and killed 12 of the passengers.", "off Santa Marta"},
		{"On 4 May 1790, Zembrian privateers raided the warehouses of Rio-Hacha.", "the warehouses of Rio-Hacha"},
		{"On 4 May 1790, Zembrian troops retook Jijiga, killing about 300 Ostran soldiers.", "Jijiga"},
		{"On 4 May 1790, Zembrian tanks took Jijiga after heavy fighting.", "Jijiga"},
		{"On 4 May 1790, Ostran dragoons attacked the ford and seized Kahlenberg.", "Kahlenberg"},
		{"On 4 May 1790, Ostran dragoons attacked the Zembrian camp and captured Colonel Ruiz.", "-"},
		{"On 4 May 1790, Ostran batteries opened a heavy bombardment of Kinmen.", "Kinmen"},
		{"On 4 May 1790, Ostran troops laid siege to Boquerón.", "Boquerón"},
		{"On 4 May 1790, the Zembrian assault on Kohima failed.", "Kohima"},
		{"On 4 May 1790, a Zembrian fleet landed troops outside Cartagena de Indias and laid siege to the city.", "outside Cartagena de Indias"},
		{"On 4 May 1790, Zembrian armoured cars from the post at Nizhne-Mikhaylovka attacked the Ostrans.", "at Nizhne-Mikhaylovka"},
		{"On 4 May 1790, Ostran troops attacked a Zembrian patrol. Zembria lodged a protest with the Ostran consul at Karvo.", "-"},
		{"On 4 May 1790, Zembrian troops attacked Ostran positions on Point 5140.", "on Point 5140"},
		{"On 4 May 1790, Zembrian troops attacked Ostran positions at Hill 1234.", "at Hill 1234"},
		{"On 4 May 1790, Zembrian and Ostran patrols exchanged fire along the Kara River.", "along the Kara River"},
		{"On 4 May 1790, Zembrian troops fired across the Kara River at an Ostran post.", "across the Kara River"},
		{"On 4 May 1790, an Ostran patrol was ambushed inside Zembrian territory near Velo.", "near Velo"},
		{"On 4 May 1790, Ostran troops attacked the Zembrian positions. This valley saw heavy fighting for two days.", "-"},
		{"On 4 May 1790, fighting broke out in the Kara sector.", "in the Kara sector"},
		{"On 4 May 1790, Kahlenberg fell to Ostran dragoons.", "Kahlenberg"},
		{"On 4 May 1790, after a pause, the Zembrian army turned to Velmgrad and stormed the heights above the town.", "to Velmgrad"},
		{"On 4 May 1790, Zembrian brigades marched towards Velmgrad and fought an Ostran rearguard on the way.", "towards Velmgrad"},
		// Where the troops came, and fought; not a unit they came to.
		{"On 4 May 1790, a Zembrian corps reached Velmgrad in the afternoon and attacked the Ostrans.", "Velmgrad"},
		{"On 4 May 1790, a Zembrian battalion reached Fox Company and attacked the Ostrans.", "-"},
		{"On 4 May 1790, Zembrian troops attacked the Velo salient.", "the Velo salient"},
		// A border post or crossing is named with its border noun.
		{"On 4 May 1790, Zembrian troops attacked the Velo border post.", "the Velo border post"},
		{"At the Velo border crossing, Zembrian troops attacked the Ostran guards on 4 May 1790.", "At the Velo border crossing"},
		{"On 4 May 1790, Zembrian troops attacked the Ostran guards near the Velo frontier crossing.", "near the Velo frontier crossing"},
		// A gate, road or causeway is a place with its name.
		{"On 13 September 1847 the Zembrian division stormed the Velo gate against heavy fire.", "the Velo gate"},
		{"On 13 September 1847 the Zembrians met stubborn resistance along the Kamen road.", "along the Kamen road"},
		{"On 13 September 1847 the Zembrian column advanced along the Velo causeway under fire from the Ostran guns.", "along the Velo causeway"},
		// A preposition that opens the sentence is capitalized, not part
		// of the name after it.
		{"At Tashkessen, on 4 May 1790, a small Ostran rearguard held a ridge against the Zembrian columns.", "At Tashkessen"},
		{"On 4 May 1790, Zembrian troops stormed the Velo lines but were thrown back.", "the Velo lines"},
		{"On 4 May 1790, Zembrian ironclads forced their way past the batteries of Velo.", "the batteries of Velo"},
		{"On 4 May 1790, an Ostran raiding party attacked a border post near al-Khobah.", "near al-Khobah"},
		{"Velo, a small post south of Karvo, was surrounded by Ostran troops on 4 May 1790.", "Velo"},
		{"Velo was recaptured by Zembrian troops from the Ostrans on 4 May 1790.", "Velo"},
		{"On 4 May 1790 Zembrian troops crossed the river near Karvo. Storehouses were raided and burned.", "near Karvo"},
		{"On 4 May 1790 the Ostrans were repulsed three times as they tried to cross the river.", "-"},
		{"On 4 May 1790, Ostran tanks attacked the Zembrian lines at el-Alamein.", "at el-Alamein"},
		{"On 4 May 1790, Zembrian troops attacked a line of Ostran trenches near Velo.", "near Velo"},
		{"On 4 May 1790, the two armies met again between Karvo and Dolno.", "between Karvo and Dolno"},
		{"On 4 May 1790, Zembrian and Ostran troops fought between Karvo and Dolno.", "between Karvo and Dolno"},
		{"The talks in Karvo broke down, and on 4 May 1790 fighting resumed.", "-"},
		{"The talks at Karvo broke down, and on 4 May 1790 Zembrian troops attacked the Ostran posts near Dolno.", "near Dolno"},
		{"On 4 May 1790, Zembrian battalions climbed the steep slopes of Brdica and took the summit after hand-to-hand fighting.", "Brdica"},
		{"On 4 May 1790, Ostran sloops were sunk at the mouth of the Kara River.", "Kara River"},
		{"On 4 May 1790, Zembrian infantry made a final attempt on Tarabosh, which failed with heavy loss.", "Tarabosh"},
	} {
		ev := oneClash(t, tt.text)
		got := "-"
		if ev.Place != nil {
			got = ev.Place.Text
		}
		if got != tt.want {
			t.Errorf("%q: place %q, want %q", tt.text, got, tt.want)
		}
	}
}
