package event

import (
	"testing"

	"github.com/annalist/annalist"
	"github.com/annalist/annalist/plaintext"
)

// clashCase is a sentence told in a conflict of Zembria and Ostra, and
// whether it tells a clash.
type clashCase struct {
	text  string
	clash bool
}

// checkClashes reads each case's sentence alone under a heading and checks
// whether a clash is read from it.
func checkClashes(t *testing.T, tests []clashCase) {
	t.Helper()
	tab := loadActors(t)
	c := &annalist.Conflict{Sides: []annalist.Side{{Belligerents: []string{"Zembria"}}, {Belligerents: []string{"Ostra"}}}}
	for _, tt := range tests {
		a, err := plaintext.Read("x.txt", []byte("= X =\n\n==Course==\n"+tt.text+"\n"))
		if err != nil {
			t.Fatal(err)
		}
		evs, _ := Extract(a, c, tab)
		if got := len(evs) > 0; got != tt.clash {
			t.Errorf("%q: clash %v, want %v", tt.text, got, tt.clash)
		}
	}
}

// A third state's adjective before a machine's model names its maker, not
// a party: a pilot in a French D-520 fighting Zembrian gunners is in this
// war, as is one shot down in a French Mirage-5; a French squadron
// fighting is another state's.
func TestAMakersNameIsNoParty(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 23 July 1941 a pilot flying a French D-520 fighter was shot down while diving on a Zembrian gun position at the ford.", true},
		{"On 23 July 1941 Zembrian gunners at the ford shot down a pilot in a French Mirage-5.", true},
		{"On 23 July 1941 a French squadron attacked the Ostran gun position at the ford.", false},
	})
}

// Fighting named by the time it took, a possessive before it ("worn down
// by the summer's fighting"), is fighting told before, as "the summer
// offensive" is: no clash of the sentence's day.
func TestFightingNamedByItsTimeIsToldBefore(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 23 October 1915 the Zembrian cabinet approved the plan. The general, whose division had been worn down by the summer's fighting and by sickness, asked for leave.", false},
		{"On 23 October 1915 the Zembrian cabinet approved the plan. The general, whose division had been worn down by the day's fighting at the ford, asked for leave.", false},
		{"On 23 October 1915 the Zembrian division fought the Ostrans at the ford for a day.", true},
	})
}

// A third state's adjective before one man ("the French knight", "a
// Danish volunteer") tells his origin, not a state in the war: the
// skirmish he was taken in is this war's; French troops fighting are
// France's, another war's.
func TestOneMansOriginIsNoParty(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 19 May 1565 a party of cavalry from the fortress attacked the Ostran advance guard near the ford, and the French knight Adrien de Vel was captured.", true},
		{"On 19 May 1565 Ostran horsemen ambushed a patrol near the ford, and a Danish volunteer was killed.", true},
		{"On 19 May 1565 French troops ambushed an Ostran patrol near the ford.", false},
	})
}

// Words of fighting used of words are no clash: a president who attacks a
// decision, ministers who fight over a text. The same words of armed men
// are.
func TestWordsOfFightingUsedOfWordsAreNoClash(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 5 March 1999, the Zembrian president attacked the decision of the council in a speech.", false},
		{"On 5 March 1999, the two foreign ministers fought over the wording of a joint statement.", false},
		{"On 5 March 1999, the Ostran press attacked the government's policy.", false},
		{"In 1847 the Ostran governor of the ford had resisted the demands of the Zembrian court for higher revenue.", false},
		{"In March 1898 the Zembrian president at the ford resisted calls for intervention.", false},
		{"In March 1898 the Ostran garrison at the ford resisted the Zembrian assault.", true},
		{"On 5 March 1999, Zembrian troops attacked Ostran trenches near the river.", true},
		{"On 16 November 1805 the Zembrian marshal threw two corps against the Ostran rearguard at the ford.", true},
		{"On 28 May 1905 the Ostran coastal defence ship Tesh was caught west of the ford by two Zembrian armoured cruisers.", true},
		{"On 28 May 1905 the Ostran coastal defence ship Tesh was caught west of the ford by a storm.", false},
		{"On 16 November 1805 the Zembrian marshal hurled his cavalry against the Ostran squares at the ford.", true},
		{"On 16 November 1805 the Zembrian marshal threw the Ostran letter into the fire at the ford.", false},
		{"On 5 March 1999, the president sent troops to attack the Ostran positions at the ford.", true},
		{"On 5 March 1999, Zembrian bombers struck the Ostran airfield at the ford.", true},
		{"On 5 March 1999, an Ostran patrol was surrounded near the ford and lost 30 men.", true},
		{"On 5 March 1999, the Zembrian and Ostran ministers struck a deal on the ford.", false},
		{"On 5 March 1999, Zembrian troops defeated an Ostran column near the ford.", true},
		{"On 5 March 1999, a Zembrian gunboat rammed an Ostran patrol boat near the ford.", true},
		{"On 5 March 1999, the Ostran parliament defeated the bill on the ford.", false},
		{"On 5 March 1999, Zembrian reinforcements reached the ford, but no further fighting took place.", false},
		{"On 5 March 1999, the Ostran garrison at the ford surrendered without a fight.", false},
		{"On 5 March 1999, Ostran troops entered the ford but did not attack.", false},
		{"On 5 March 1999, Ostran troops attacked the ford without warning.", true},
		{"On 5 March 1999, instead of attacking the ford, Ostran troops marched west.", false},
		{"On 5 March 1999, Ostran troops marched west rather than attack the ford.", false},
		// The bare "be" of a wish or a purpose: an attack asked for or
		// awaited, not made.
		{"On 5 March 1999, the Zembrian king insisted that the Ostran fort at the ford be attacked at once.", false},
		{"On 5 March 1999, the Ostran garrison at the ford expected to be immediately attacked.", false},
		{"On 5 March 1999, the Ostran fort at the ford was attacked at once.", true},
		// A choice to fight is not yet the fight.
		{"On 25 August 1346 the Zembrian king decided to stand and fight the Ostrans at the ford.", false},
		{"On 25 August 1346 the Zembrian king decided to cross, and his men attacked the Ostrans at the ford.", true},
		// Ground a party held, taken from it, is fought for; the takers'
		// own ground is not.
		{"On 5 March 1999, a Zembrian detachment seized the Ostran post at the ford.", true},
		{"On 5 March 1999, Zembrian troops took the Ostran fort by the ford.", true},
		{"On 5 March 1999, Zembrian paratroopers landed at the ford, taking the Zembrian island without a shot.", false},
		// A position attacked is ground held, not a view.
		{"On 5 March 1999, Zembrian troops surrounded the position and cut it off from water.", true},
		{"In the elections of 5 March 1999, the Zembrian governor was heavily defeated by his rival.", false},
		{"At the vote on the treaty of 5 March 1999, the Ostran ministers defeated the Zembrian proposal.", false},
		{"In the battle of 5 March 1999, Zembrian troops defeated an Ostran column near the ford.", true},
		// A party between the fight word and an abstract noun says whose
		// position is attacked: troops, not a view.
		{"On 5 March 1999, Zembrian troops attacked an Ostran position at the ford.", true},
		{"The Ostran minister had warned the council twice. On 5 March 1999, Zembrian troops attacked an Ostran position at the ford.", true},
	})
}

// Fighting told as what might or would happen, threatened, planned or
// sought, is no clash: an ultimatum's guns that would open fire, a king
// who did not believe the enemy would attack, a threat to attack, plans
// for an attack; nor is a fight word inside a compound ("heart attack",
// "torpedo boats"), a storm of weather, or fighting told ending. The
// fighting that happened is, "May" the month included.
func TestFightingThreatenedOrSupposedIsNoClash(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 5 March 1999 the Zembrian envoy delivered an ultimatum: the Ostran garrison was to leave the fort at the ford, or the guns would open fire.", false},
		{"On 5 March 1999 the Ostran king replied that he did not believe the Zembrians would attack the fort at the ford.", false},
		{"On 5 March 1999 the Ostran king threatened to attack the Zembrian bases at the ford.", false},
		{"On 5 March 1999 neither commander at the ford was willing to attack the other.", false},
		{"On 5 March 1999 Zembrian commanders warned that their guns could shell the ford.", false},
		{"On 5 March 1999 Zembrian guns shelled the Ostran fort at the ford.", true},
		{"On 9 May 1999 a Zembrian destroyer shelled the Ostran fort at the ford.", true},
		{"On 5 March 1999 the Zembrian army, which would later attack the capital, stormed the Ostran fort at the ford.", true},
		{"On 5 March 1999 Zembrian tanks arrived at the ford with a view to an offensive against Ostra.", false},
		{"On 5 March 1999 the Zembrian council approved plans for an attack on the Ostran fort at the ford.", false},
		{"On 5 March 1999 the planned invasion of Ostra across the ford was called off.", false},
		{"On 5 March 1999 news from the ford strengthened the determination of the Zembrians to fight.", false},
		{"On 5 March 1999 the Ostran admiral at the ford had orders to seek battle.", false},
		{"On 21 June 1757 the Zembrian council voted against crossing the ford to offer battle.", false},
		{"On 21 June 1757 the Ostran general declined battle at the ford.", false},
		{"On 21 June 1757 both commanders at the ford undertook to avoid armed clashes while the envoys talked.", false},
		{"On 21 June 1757 the Ostran general at the ford sought open battle with the Zembrians.", false},
		// A course turned down ("voted against fighting") or hoped for
		// ("in the hope of provoking an attack") is no fight; a column
		// attacking is.
		{"On 21 June 1757 the Zembrian officers at the ford voted against crossing the river and fighting.", false},
		{"On 21 June 1757 the Zembrian officers at the ford argued against attacking the camp.", false},
		{"On 21 June 1757 the Zembrian garrison at the ford held out against attacking columns of Ostrans.", true},
		{"On 28 February 1896 the Zembrian general moved forward to the ford by night in the hope of provoking an Ostran attack.", false},
		{"On 28 February 1896 the Zembrian general moved forward to the ford, hoping to launch an attack on the Ostrans.", false},
		{"On 28 February 1896 the Zembrians crossed the ford with the aim of storming the Ostran camp.", false},
		{"On 28 February 1896 the Zembrians stormed the Ostran camp at the ford with the aim of taking its guns.", true},
		// A fight forbidden is ruled out, a word or two of its kind between.
		{"On 2 February 1916 the Zembrian admiral at the ford forbade further surface sorties.", false},
		{"On 2 February 1916 the Ostran council at the ford banned night raids on the villages.", false},
		{"On 2 February 1916 the Zembrian admiral at the ford ordered further surface sorties, and his cruisers shelled the Ostran fort.", true},
		{"On 21 June 1757 the Zembrian king at the ford feared an Ostran attack on his camp.", false},
		{"On 21 June 1757 the Ostrans offered battle at the ford, and the Zembrians attacked them at once.", true},
		// Ground "surrounded by" a thing is no fight; by troops it is.
		{"On 22 June 1757 the Zembrian army took up a position at the ford in a mango grove, surrounded by a mud bank and a ditch.", false},
		{"On 22 June 1757 the Zembrian army at the ford was surrounded by Ostran cavalry.", true},
		{"On 1 September 1898 the Zembrian army encamped at the ford and surrounded the camp with a zariba of thorn bushes.", false},
		{"On 1 September 1898 the Zembrian army surrounded the town at the ford with two divisions.", true},
		// A fate near or feared, met or not.
		{"On 5 March 1999 the Ostran brigade at the ford, outnumbered and close to being outflanked, held its ground.", false},
		{"On 5 March 1999 the Ostran brigade at the ford, in danger of being surrounded, held its ground.", false},
		{"On 5 March 1999 the Ostran brigade, after being outflanked at the ford, fell back.", true},
		// A fight a modal tells of is one that might be.
		{"On 11 April 1980 the Ostran minister at the ford argued that a raid would endanger the hostages.", false},
		{"On 11 April 1980 a Zembrian raid on the ford could not free the hostages.", true},
		// What was prepared or expected had not happened.
		{"On 5 March 1999 the Ostran king at the ford prepared an invasion of Zembria.", false},
		{"On 1 September 1898 the Zembrian general at the ford expected a night attack, but the Ostrans waited for daylight.", false},
		{"On 1 September 1898 the Ostrans launched a night attack on the Zembrian camp at the ford.", true},
		{"On 2 December 1978 a Zembrian-backed front was proclaimed at the ford, giving the coming invasion of Ostra a local face.", false},
		{"In December 1978 Ostran villagers at the ford fled before the impending Zembrian offensive.", false},
		{"In October 1917 the Ostran divisions at the ford were still deployed for attack, with few reserves behind the first line.", false},
		{"In October 1917 the Ostran squadron at the ford was cleared for action.", false},
		{"In October 1917 the Ostran general at the ford favoured a counter-offensive against the Zembrians.", false},
		{"In 378 the Zembrian general at the ford urged an immediate attack on the Ostrans.", false},
		{"On 30 September 331 BC, fearing exactly such an attack, the Ostran king at the ford kept his troops in their ranks all night.", false},
		{"In May 1942 the Zembrian admiral at the ford argued for a decisive battle that would finish off the Ostran carriers.", false},
		{"In May 1942 the Zembrian generals at the ford pressed for an offensive against Ostra.", false},
		{"In May 1942 the Zembrian admiral at the ford drew the Ostran fleet into a battle that would decide the war.", true},
		// And one provided for.
		{"On 1 June 1913 Zembrian and Ostran envoys at the ford agreed on mutual assistance in the event of a Velmian attack.", false},
		{"On 1 June 1913 Zembrian and Ostran envoys at the ford agreed to help each other in case of an attack on either.", false},
		// So was a fight planned for a day, ordered, or poised for.
		{"A Zembrian raid on the ford planned for 24 May 1982 was cancelled for lack of helicopters.", false},
		{"On 26 May 1982 the Zembrian brigadier ordered the battalion to attack the Ostran positions at the ford.", false},
		{"On 27 May 1982 the radio announced that a Zembrian battalion was poised to attack the ford.", false},
		{"On 26 May 1982 the Zembrian battalion, as ordered, attacked the Ostran positions at the ford.", true},
		// So was a fight wished for, or any that might come.
		{"On 18 May 1643 the Ostran general, eager for a battle that would finish the Zembrian army, made camp at the ford.", false},
		{"On 18 May 1643 a deserter told the Zembrians at the ford of musketeers hidden in a wood, where they could fire into the flank of any Zembrian attack on the Ostran horse.", false},
		{"On 18 May 1643 a deserter told the Zembrians at the ford of musketeers hidden in a wood, ready for an attack on the Ostran horse.", false},
		{"On 7 August 1964 the Zembrian parliament at the ford gave the president power to repel any armed attack on Zembrian forces.", false},
		{"On 7 August 1964 the Zembrian parliament at the ford gave the president power to meet any further attack from Ostra.", false},
		{"On 7 August 1964 the Zembrian garrison at the ford repelled an armed attack by Ostran troops.", true},
		// A death by one's own hand is no fight.
		{"The preparations were overshadowed by the suicides of two Zembrian officers at the ford: the general shot himself on 14 March 1857, and a commodore killed himself a few days later.", false},
		{"On 14 March 1857 two Zembrian officers at the ford were killed by Ostran sentries.", true},
		// So is one warned of, threatened or feared.
		{"In March 1982 the Ostran president flew to the ford, warning of a Zembrian invasion.", false},
		{"In March 1982 the Ostran garrison at the ford lived under the threat of an attack.", false},
		{"In March 1982 the Zembrians warned the Ostran garrison at the ford and then attacked it.", true},
		// Breaking through the enemy's lines is fighting.
		{"On 6 November 1917 the Zembrian corps broke through the Ostran positions at the ford.", true},
		// A fight named as the time of something else is no fight told.
		{"On the night of 6 September 1566 the Ostran sultan died in his tent at the ford, a few hours before the final assault.", false},
		{"On 6 September 1566 the Ostran envoys left the ford, two days after the second attack.", false},
		{"On 6 September 1566 the final assault on the ford began at dawn.", true},
		{"Through the summer of 1999 the Zembrian squadron at the ford lost more men to fever than it could have expected to lose in battle.", false},
		// A number of another clause counts no dead.
		{"A surgeon at the ford amputated one of the Ostran marshal's legs, but gangrene set in, and the marshal died on 31 May 1809.", false},
		{"On 31 May 1809 two Ostran sentries at the ford were shot, and one of them died.", true},
		// The second verb of an infinitive of plan is planned too.
		{"On 24 May 1866 the Ostran general at the ford was to lead a column through the forest and fall on the Zembrian left.", false},
		{"On 24 May 1866 the Ostran cavalry at the ford was to sweep around the Zembrian right, held by the Velmians, and take the camp from the rear.", false},
		{"On 24 May 1866 the Ostran general led a column through the forest to the ford and fell on the Zembrian left.", true},
		// Running into a side's outposts or pickets is meeting the men
		// who hold them; meeting between the lines is not.
		{"On 26 January 1887 the head of the Ostran column ran into the Zembrian outposts at the ford.", true},
		{"On 26 January 1887 the Ostran cavalry charged their pickets at the ford.", true},
		{"On 26 January 1887 the Ostran and Zembrian envoys met several times between the lines at the ford.", false},
		// A fight that is the condition of what would be was not fought.
		{"In November 1943 the Zembrian leader at the ford promised that Zembria would enter the war against Ostra once Velmia was defeated.", false},
		{"In November 1943 the Zembrian leader at the ford kept his reserves back, so that they would cover the retreat if the army were defeated.", false},
		{"In November 1943 the Zembrian army at the ford was defeated once the Ostran reserves arrived.", true},
		// What was to be done is what was meant or ordered.
		{"On 5 March 1999 the Zembrian plan was to seize the Ostran fort at the ford.", false},
		{"On 5 March 1999 the Zembrian brigades were to attack the Ostran fort at the ford at dawn.", false},
		{"On 5 March 1999 the Zembrian brigades, as ordered, attacked the Ostran fort at the ford at dawn.", true},
		{"On 5 March 1999 a storm at the ford scattered the Ostran fleet.", false},
		{"On 5 March 1999 Zembrian troops took the Ostran fort at the ford by storm.", true},
		// A compound names a thing or a condition, not a fight.
		{"On 5 March 1999 the Zembrian president died of a heart attack at the ford.", false},
		{"On 5 March 1999 eighteen Ostran torpedo boats sailed from the ford.", false},
		{"On 5 March 1999 two Ostran carrier battle groups sailed past the ford.", false},
		{"On 5 March 1999 Ostran torpedo boats attacked the Zembrian cruiser at the ford.", true},
		{"In August 1415 the Zembrian army landed at the ford, some 12,000 men with a train of siege guns.", false},
		{"On 18 September 1894 the surviving Zembrian ships, almost out of shell, steamed away from the ford.", false},
		{"On 5 March 1999 a few shots were exchanged between Zembrian and Ostran patrols at the ford.", true},
		// A strike launched is an attack; a strike of workers, or one
		// word glued before a hyphen ("strike-bound"), is none.
		{"On 24 July 1977 the Zembrians launched a second strike on the Ostran airbase at the ford.", true},
		{"On 24 July 1977 the Zembrian dockers at the ford went on strike.", false},
		{"On 24 July 1977 a general strike closed the Ostran port at the ford.", false},
		{"On 24 July 1977 the Ostran port at the ford was strike-bound.", false},
		{"On 24 July 1977 battle-hardened Zembrian troops reached the ford.", false},
		// A capitalized fight word inside the name of a body or a place
		// names no fight; a name that ends with it names a clash.
		{"On 24 July 1977 Ostra joined the Steadfastness and Confrontation Front at the ford.", false},
		{"On 24 July 1977 the ships in the sound at the ford came to be called Bomb Alley by the Zembrians.", false},
		{"On 24 July 1977 the Zembrian Ford Offensive drove the Ostrans from the ford.", true},
		// Moving on the enemy is an attack; moving against a war declared,
		// or moves that would be, are none.
		{"On 24 July 1977 the Zembrian command sent wave after wave of bombers, fighters and gunships against the Ostran warships at the ford.", true},
		{"On 24 July 1977 the Zembrian brigade advanced against the Ostran lines at the ford.", true},
		{"On 24 July 1977 the Zembrian brigade advanced along the river to the ford.", false},
		{"On 20 January 1900 the Zembrian general sent the 2nd Division against Tabanyama, the long ridge west of the ford.", true},
		{"On 20 January 1900 the Zembrian envoy at the ford sent a letter against the wishes of the council.", false},
		{"On 24 July 1977 Ostra proposed that Velm should enter the war and declare war against Zembria at the ford.", false},
		// Falling on troops is attacking them; falling on a day is not.
		// Forcing a crossing is fighting across.
		{"Near the ford in 54 BC the Zembrians fell on a small force of Ostran cavalry.", true},
		{"The Ostran post at the ford fell on 23 February 1979.", false},
		{"On 9 March 1905, in a dust storm, the Zembrian First Army forced a crossing of the river at the ford.", true},
		// Harrying, slaughtering, strikes on a place, an offensive
		// launched against one, ground held against troops: fights.
		{"On 24 July 1977 Zembrian horsemen rode out to harass the Ostran vanguard at the ford.", true},
		{"On 24 July 1977 Zembrian horsemen fell on the Ostran camp at the ford and slaughtered the sick and wounded there.", true},
		{"On 24 July 1977 the Zembrian air force launched pre-emptive strikes, codenamed Operation Gale, against eleven Ostran airfields near the ford.", true},
		{"On 24 July 1977 a Zembrian cavalry brigade held the village by the ford against the leading Ostran units for the whole day.", true},
		{"On 24 July 1977 the Zembrian council at the ford held talks with the Ostran envoy.", false},
		// Fighting stopped, suspended or halted is fighting ended.
		{"On 21 February 1881 the Zembrian general at the ford wrote that the talks would go on if the Ostrans stopped fighting.", false},
		{"On 3 April 2016 the Ostran ministry said it was suspending offensive operations at the ford.", false},
		{"In March 1955 the Zembrian guns at the ford ceased their bombardment.", false},
		{"On 3 April 2016 Ostran troops at the ford halted, then attacked the Zembrian post.", true},
		// Fighting told ending is no fighting told.
		{"On 5 March 1999 both governments accepted a proposal under which fighting ceased at the ford.", false},
		// Leave to fight is no fighting; fighting that ended is none.
		{"On 22 August 1884 the Zembrian admiral was authorised to attack the Ostran fleet at the ford.", false},
		{"On 4 April 1885 both governments agreed a peace at the ford, and the fighting in Velm and Tesh ended during April.", false},
		// Stopping, intercepting or destroying a body of troops is a
		// fight, told actively or passively; stopping things, columns
		// that halt of themselves, and men charged in court are not.
		{"On 17 July 1969 a Zembrian column on the highway to the ford was stopped by Ostran infantry in front of the town.", true},
		{"During the night of 5 June 1967 a Zembrian brigade stopped an Ostran armoured force at the ford.", true},
		{"On 9 January 1995 a Zembrian patrol intercepted four Ostran soldiers near the ford.", true},
		{"On 17 April 1838 a force of Zembrian settlers was destroyed by an Ostran army near the ford.", true},
		{"On 17 July 1969 the Zembrian columns halted at the ford for the night.", false},
		{"On 17 July 1876 a Zembrian cavalry detachment turned back a band of Ostran warriors at the ford.", true},
		{"On 17 July 1876 the Zembrian column turned back towards the ford.", false},
		{"On 22 March 1880 Zembrian troops dislodged an Ostran division from the heights by the ford.", true},
		{"In August 1974 the Zembrian column overcame scattered resistance on the road to the ford.", true},
		{"In August 1974 the Zembrian engineers overcame the difficulties of the road to the ford.", false},
		// Troops taking a named place fought for it; troops sent to take
		// one had yet to.
		{"On 18 June 1988 its troops, supported by Zembrian aircraft, took Velmgrad by the ford.", true},
		{"In May 1918 Zembrian columns seized Velmgrad and Pelm on the river.", true},
		{"At the end of June 1526 the vizier was sent ahead with the troops of Zembria to take Velmgrad, the Ostran stronghold by the ford.", false},
		{"On the morning of 28 August 1965 a company of Zembrian paratroopers took the pass above the ford.", true},
		{"In April 1935 the attackers seized the town of Velm by the ford.", true},
		{"On 28 August 1965 the Zembrian minister took the train to the ford.", false},
		{"On 10 May 1975 an Ostran force seized the small island off the ford.", true},
		{"On 10 May 1975 an Ostran force reached the small island off the ford.", false},
		{"On 12 September 1792 Grel's Zembrians seized the lightly held pass above the ford.", true},
		{"On 12 September 1792 a Zembrian column stormed the strongly fortified town by the ford.", true},
		{"On 12 September 1792 the Zembrian envoy took the old road to the ford.", false},
		// Resistance told as it was is fighting; resistance denied, or
		// judged hopeless before it was offered, is none.
		{"On 10 April 1979 Zembrian brigades advanced on the ford. Resistance was scattered.", true},
		{"On 10 April 1979 the Ostran governor at the ford decided that further resistance was hopeless.", false},
		{"On 10 April 1979 Zembrian brigades reached the ford, where there was no resistance.", false},
		{"On 6 August 1920 Zembrian dockers at the ford blocked supplies to the Ostran expeditionary force.", false},
		{"On 6 August 1920 Zembrian prosecutors at the ford charged eight Ostran marines with the murders.", false},
		{"On 6 August 1920 the Zembrian police at the ford stopped the sale of Ostran newspapers.", false},
	})
}

// A clash referred to ("command of the Ostran offensive was handed to
// Grel", "before news of either battle arrived") is none of its own; a
// party's people fighting ("the Ostrans attacked") are, and so is a clash
// a sentence opens with ("The Ostran offensive of 5 March"), and one a
// sentence begins ("opened the siege of the fort").
func TestAClashReferredToIsNoClashOfItsOwn(t *testing.T) {
	checkClashes(t, []clashCase{
		{"The Zembrian general opened the siege of the Ostran fort at the ford in early September 1848.", true},
		{"The Ostran vizier began the siege of the Zembrian castle at the ford in mid-July 1526.", true},
		{"On 5 March 1999 command of the Ostran offensive at the ford was handed to General Grel.", false},
		{"On 5 March 1999 the council met at the ford, before news of either battle had arrived.", false},
		{"On 5 March 1999 the Ostrans attacked the Zembrian post at the ford.", true},
		{"On 5 March 1999 an Ostran offensive drove the Zembrians from the ford.", true},
		{"The Ostran offensive of 5 March 1999 drove the Zembrians from the ford.", true},
	})
}

// The wounded and the dead a fight left, tended or buried, are no loss
// told: the number before them ("the two armies") counts others.
func TestTheWoundedTendedAreNoLossTold(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 18 September 1862 the two armies faced each other at the ford while details collected the wounded.", false},
		{"On 18 September 1862 the two armies at the ford buried their dead under a truce.", false},
		{"On 18 September 1862 two Ostran soldiers were wounded at the ford.", true},
	})
}

// A fight noun told before, as a clause's subject on a date of its own,
// is that date's fighting ("and the fighting lasted nine hours"); as a
// verb's object it is only named ("did not end the confrontation",
// "called the fighting an act of aggression").
func TestAFightNamedAsAnObjectIsNoClash(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 15 March 1921 Zembrian troops crossed the ford, and the fighting lasted nine hours.", true},
		{"On 15 March 1921, when the fighting at the ford began, Zembrian troops held the bank.", true},
		{"On 9 August 1965 Zembria left the federation, but the withdrawal did not end the confrontation at the ford.", false},
		{"On 19 September 2022 Zembria called the fighting at the ford an act of aggression.", false},
	})
}

// Envoys and representatives meet to talk: their meeting with officers
// is no fight; horsemen meeting a column is.
func TestEnvoysMeetingIsNoFight(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 26 March 1902 Ostran representatives met Zembrian officers at the ford and made their submission.", false},
		{"On 26 March 1902 the Ostran envoys met the Zembrian officers at the ford.", false},
		{"On 26 March 1902 Ostran horsemen met a Zembrian column at the ford.", true},
	})
}

// People named by a fight they had fought ("the men who had fought at
// Dolno") are veterans of it: no fight of the sentence. A party's fight
// told back still is one.
func TestVeteransOfAFightAreNoFight(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 13 November 1757 the king left the ford with about 13,000 of the men who had fought at Dolno.", false},
		{"On 13 November 1757 the Ostrans, who had attacked at dawn, took the ford.", true},
	})
}

// A side that burns its own town or fires on its own lines fights no one;
// the same words against the other side are a clash.
func TestStrikingOnesOwnIsNoFight(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 3 May 1241 the burghers of Velo set fire to their own town and withdrew into the castle.", false},
		{"On 3 May 1241 the Ostran gunners fired on their own lines by mistake.", false},
		{"On 3 May 1241, at Velo, the Ostran general burned most of his own baggage so that his army could move faster.", false},
		{"On 3 May 1241 the Ostrans set fire to the Zembrian camp at Velo.", true},
		{"On 3 May 1241 the Ostran gunners fired on the Zembrian lines at Velo.", true},
	})
}

// A way forced or cut through the enemy is fighting, whoever's way it is.
func TestWayForcedThroughTheEnemyIsAFight(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 16 September 1189 the Ostran emir forced his way along the shore past the Zembrian camp at Velo.", true},
		{"On 7 July 1520 the Zembrian survivors cut their way through an Ostran army at Velo.", true},
		{"On 7 July 1520 the Zembrian column forced its way across the Ostran ford at Velo.", true},
	})
}

// A fight approved or weighed is not yet fought: "approved an attack",
// "debated whether to attack". Carried out, it is.
func TestAFightApprovedOrWeighedIsNoFight(t *testing.T) {
	checkClashes(t, []clashCase{
		{"On 15 March 1968 the Zembrian cabinet approved a large-scale attack on Velo.", false},
		{"On 15 March 1968 the Zembrian cabinet sanctioned a raid on the Ostran camp at Velo.", false},
		{"On 11 September 1847, at a council of war near Velo, the Zembrian officers debated whether to attack the Ostran castle.", false},
		{"On 15 March 1968 the Zembrian army made a large-scale attack on Velo.", true},
		{"On 15 March 1968 the Zembrian army braced for the long-expected attack on Velo.", false},
		{"On 11 September 1847 the Zembrian officers decided at last to attack, and stormed the Ostran castle at Velo.", true},
	})
}

// Clashes told in the plural through a month or more are a tally of
// them, not one clash; a month's clashes at one place are one.
func TestClashesThroughAMonthAreATally(t *testing.T) {
	checkClashes(t, []clashCase{
		{"Through July 1991, clashes between the Zembrian guard and Ostran irregulars spread across the eastern province.", false},
		{"Throughout the winter of 1428, raids by the Zembrian garrison kept the Ostran camps on alert.", false},
		{"In July 1991, clashes between the Zembrian guard and Ostran irregulars broke out at Velo.", true},
		{"Through the night of 3 July 1991 the Zembrian guard attacked the Ostran post at Velo.", true},
	})
}
