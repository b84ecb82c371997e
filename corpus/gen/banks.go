package gen

import "strings"

// Phrase banks. An entry may name other banks in braces: "{ru} is {ready}".
// Banks whose name ends in "*" hold "|"-separated entries in one string.
var bankSrc = map[string]string{
	// subjects
	"ru":      "Moscow|Russia|the Russian side|the Kremlin|Russian diplomacy|the Russian leadership|the Russian Federation",
	"us":      "Washington|the United States|the US administration|the Americans|the White House|the US side|the American side|the State Department|the US Congress",
	"west":    "the West|Western countries|the European Union|NATO members|Washington and its allies|the collective West|European capitals|the G7 countries",
	"we":      "We|We in Moscow|Our side|We, for our part,",
	"ready":   "ready|prepared|open|willing|still ready",
	"talkv":   "resume|continue|establish|restore|deepen|rebuild|launch|broaden",
	"talko":   "dialogue|a dialogue on strategic stability|contacts at the expert level|consultations on bilateral irritants|a broad and comprehensive dialogue|talks on all issues|negotiations without preconditions|a conversation about European security|work on normalizing the embassies|a new round of consultations",
	"cond":    "only if it is comprehensive|only on the basis of mutual respect|if Washington takes reciprocal steps|if our concerns are taken into account|only without any preconditions|only if the other side is ready|on an equal footing|if the Americans show political will|without ultimatums or diktat|not at the expense of our security",
	"neg":     "the relationship is at its lowest point|relations are in a deplorable state|there is no trust left|the situation is extremely dangerous|the sides are very far apart|ties have deteriorated badly|the crisis has gone very deep|nothing has changed so far|the damage will take years to repair",
	"pos":     "there are some signals of a thaw|certain progress is possible|there is a chance to find common ground|the first steps are encouraging|a window of opportunity has appeared|the tone has become more constructive|some areas where our interests coincide exist",
	"adj":     "constructive|pragmatic|serious|substantive|difficult|frank|businesslike|useful|productive|tense|complicated|detailed|lengthy|thorough|cautious|open|candid|unprecedented|sweeping|predictable|fragile|dangerous|balanced|stable|sustainable|realistic|mutually acceptable|long-term|comprehensive|symbolic",
	"issue":   "strategic stability|arms control|the conflict in Ukraine|sanctions|the work of embassies|prisoner exchanges|the situation in the Middle East|cyber security|the Arctic|the Iranian nuclear deal|the grain corridor|energy supplies|visas for diplomats|the security guarantees|the situation around Syria|North Korea|the fight against terrorism|space cooperation|climate change|the Black Sea|the Baltic region|the Balkans|the South Caucasus|Afghanistan|Venezuela|nuclear non-proliferation|biological laboratories|the return of diplomatic property|direct flights|humanitarian issues",
	"sanc":    "sanctions|restrictions|economic curbs|export controls|asset freezes|travel bans|secondary sanctions|tariffs|an oil price cap|financial restrictions|a ban on technology exports|penalties against banks",
	"sancq":   "new|illegal|unprecedented|additional|sweeping|sectoral|personal|tougher|so-called|unilateral",
	"num":     "two|three|four|five|six|seven|ten|twelve|fifteen|twenty|dozens of|hundreds of|thousands of",
	"period":  "for many years|for decades|since 2014|over the past year|in recent months|for a long time|since the end of the Cold War|throughout this year|in the past few weeks|for almost a decade",
	"verbp":   "destroy|undermine|damage|erode|freeze|derail|poison|complicate|jeopardize|wreck",
	"obj":     "the architecture of European security|bilateral relations|the remaining channels of communication|trust between our countries|the system of international law|the global economy|strategic stability|the non-proliferation regime|the whole system of treaties|any prospects for a settlement|the basis for cooperation|the dialogue on arms control",
	"want":    "we want|we hope|we expect|we believe|we are convinced|we proceed from the assumption|we are confident|we cannot rule out|we assume|we insist",
	"time":    "in the near future|in the coming weeks|before the end of the year|this year|in the foreseeable future|as soon as possible|at the next stage|in the long run|after the summer|by the spring",
	"who":     "the Americans|our American colleagues|the European partners|the Kiev regime|the NATO countries|the Ukrainian authorities|the new team in Washington|the leaders in Kiev|the sponsors of the conflict|the American taxpayers|our partners in the Global South|the BRICS members",
	"place":   "Moscow|Washington|Kiev|Kyiv|Geneva|Vienna|Istanbul|Helsinki|Minsk|Beijing|New York|Brussels|Berlin|Paris|London|Ankara|Tehran|Doha|Abu Dhabi|Budapest|Warsaw|Vilnius|Tallinn|Riga|Bucharest|Sofia|Belgrade|Tbilisi|Yerevan|Baku|Astana|Tashkent|New Delhi|Tokyo|Seoul|Pyongyang|Damascus|Cairo|Jeddah|Sochi|St. Petersburg|Vladivostok|Kaliningrad|Sevastopol|Donetsk|Lugansk|Kherson|Zaporozhye|Kharkov|Odessa|Belgorod|Kursk|Bryansk|Rostov-on-Don|Novosibirsk|Yekaterinburg|Kazan|Murmansk|Anchorage|Havana|Caracas|Brasilia|Pretoria|Johannesburg|Jakarta|Hanoi|Ulaanbaatar|Bishkek|Dushanbe",
	"country": "China|India|Turkey|Iran|Belarus|Kazakhstan|Hungary|Serbia|Germany|France|Britain|Poland|Finland|Sweden|Norway|Estonia|Latvia|Lithuania|Moldova|Georgia|Armenia|Azerbaijan|Japan|South Korea|North Korea|Israel|Syria|Egypt|Saudi Arabia|the United Arab Emirates|Qatar|Brazil|South Africa|Indonesia|Vietnam|Venezuela|Cuba|Mexico|Canada|Australia|Italy|Spain|Austria|Switzerland|Slovakia|the Czech Republic|Romania|Bulgaria|Greece|Denmark|the Netherlands|Belgium",
	"org":     "the UN Security Council|the OSCE|the IAEA|the G20|BRICS|the Shanghai Cooperation Organization|the European Commission|the Council of Europe|the International Criminal Court|the World Trade Organization|the International Monetary Fund|the Collective Security Treaty Organization|the Eurasian Economic Union|the African Union|the Arab League|the US Senate|the House of Representatives|the State Duma|the Federation Council|the Pentagon|the Bundestag",
	"media":   "Rossiya-1 TV channel|the Izvestia newspaper|NBC|CNN|Fox News|the Financial Times|Channel One|RIA Novosti|Kommersant|the Sunday Times|journalist Pavel Zarubin|the BBC|Al Jazeera|the Washington Post|CBS|Bloomberg|the Tucker Carlson Network|Newsweek|Le Figaro|Die Welt|the Asahi Shimbun|Xinhua",
	"day":     "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday",
	"unit":    "billion dollars|million dollars|percent|kilometers|tonnes|barrels a day|servicemen|warheads|drones|missiles|tanks|aircraft|people|companies|diplomats|euros",
	"weap":    "HIMARS launchers|F-16 fighter jets|ATACMS missiles|Patriot air defense systems|Abrams tanks|Leopard tanks|cluster munitions|long-range missiles|Tomahawk missiles|artillery shells|drones|Storm Shadow missiles",
	"nato":    "NATO’s eastward expansion|the alliance’s enlargement|NATO’s infrastructure near our borders|the deployment of missiles in Europe|military exercises in the Baltic|the alliance’s summit in Vilnius|the new members of the alliance|Finland’s accession to NATO|Sweden’s membership bid|the buildup of troops on the eastern flank",
	"arms":    "the New START treaty|the last arms control treaty|the Intermediate-Range Nuclear Forces Treaty|strategic offensive arms|the moratorium on nuclear testing|missile defense|hypersonic weapons|the Open Skies Treaty|non-strategic nuclear weapons|verification procedures|inspections under the treaty|the extension of the treaty",
	"elect":   "the US presidential election|the midterm elections|the campaign in the United States|the election results|the vote in November|the primaries|the electoral process|domestic political struggle in the US",
	"meet":    "a meeting between the two presidents|a face-to-face summit|a phone call between the leaders|a telephone conversation|contacts at the highest level|a summit in a third country|a full-fledged meeting|a meeting on the sidelines of the G20",
	"trust":   "trust|mutual respect|predictability|good faith|partnership|goodwill|confidence|respect for our interests",
}

// Templates: whole sentences. First person ones are for quotes; third
// person ones for reported speech and quotes alike.
var quoteSents = []string{
	"{We} are {ready} to {talkv} {talko}, but {cond}.",
	"{We} are {ready} for {talko} {cond}.",
	"We have always been {ready} for {talko}.",
	"It is not {ru} that started this {sancq} sanctions race, it was started by {us}.",
	"{us} {period} has tried to {verbp} {obj}, and we see the result.",
	"The {sancq} {sanc} will not make us change our course.",
	"{want} that {pos}.",
	"Unfortunately, {neg}.",
	"{want} that {us} will understand the consequences of such steps.",
	"We cannot tango alone.",
	"There is no alternative to {talko}.",
	"As for {issue}, we have {adj} proposals on the table.",
	"The decision to supply {weap} to Kiev is a very dangerous step that could {verbp} {obj}.",
	"Nobody wants an escalation, but we will respond to any threat.",
	"{nato} poses a direct threat to our security.",
	"We have repeatedly warned that {nato} is unacceptable for us.",
	"Without {trust}, no agreement on {arms} is possible.",
	"The fate of {arms} depends entirely on {us}.",
	"We take note of the statements about {meet}, but there are no concrete plans yet.",
	"{meet} is possible {time} if there is something to discuss.",
	"It is too early to talk about {meet}.",
	"{elect} is an internal affair of the United States, and we do not interfere.",
	"Whoever wins {elect}, we will work with any administration.",
	"We expect {who} to show political will.",
	"This is a {adj} signal, and we have heard it.",
	"The talks were {adj} and {adj}.",
	"We discussed {issue} and {issue} in detail.",
	"These {sanc} hurt {who} more than they hurt us.",
	"The West has imposed more than {n} {sanc} against us, and our economy has adapted.",
	"We are talking about {n} {unit}, and that is a serious figure.",
	"Our position on {issue} remains unchanged.",
	"We will not accept any diktat, and there are red lines that cannot be crossed.",
	"Flexibility is a necessary element of inter-state relations, but it cannot be shown endlessly.",
	"It is clear that those who make such statements do not even bother to read the words of the Russian president.",
	"The problems are piling up, and there are many problems in the global security framework.",
	"There is some disagreement, but dialogue is always an opportunity to find common ground.",
	"{ru} has never closed the door to {talko}.",
	"The ball is in the court of {us}.",
	"We see that {who} are not ready for this yet.",
	"I have no doubt that {pos}.",
	"Everything depends on {who}, not on us.",
	"Any decision on {issue} must take into account the interests of all sides.",
	"The situation in {place} is a matter of great concern to us.",
	"We will continue our contacts with {country} on {issue}.",
	"This war must end, and it can end {time}.",
	"Nobody will get everything they want, and both sides will have to give something.",
	"We are working very hard to bring both sides to the table.",
	"The President wants this war to end.",
	"Our support for Ukraine will continue as long as it takes.",
	"There will be no negotiations about Ukraine without Ukraine.",
	"We are open to dialogue with Russia on the nuclear threat and arms control.",
	"The United States does not seek a conflict with Russia.",
	"We will hold Moscow accountable for its actions.",
	"The meeting in {place} was a first step, and much work lies ahead.",
}

// Third-person propositions for reported speech ("stressed that …").
var reportSents = []string{
	"{ru} remains {ready} for {talko} {cond}",
	"{us} is responsible for the deterioration of bilateral ties",
	"{ru} will not change its course under pressure of {sanc}",
	"the {sancq} {sanc} imposed by {us} are illegal",
	"{want2} {pos}",
	"{neg}",
	"the supply of {weap} to Kiev would only prolong the conflict",
	"{nato} remains a source of concern for Moscow",
	"no agreement on {arms} is possible without {trust}",
	"there are no concrete plans for {meet}",
	"{meet} could take place {time}",
	"{ru} would work with any US administration",
	"the talks on {issue} had been {adj}",
	"{ru} was open to normalization with {us}",
	"{who} should think about the consequences for {obj}",
	"the position of {ru} on {issue} had not changed",
	"{us} had tried {period} to {verbp} {obj}",
	"the situation in {place} was a matter of serious concern",
	"{ru} and {country} would continue consultations on {issue}",
	"{us} was not ready to consider Russia a partner",
	"the conflict could end {time} if {who} showed political will",
	"{us} would continue to support Kiev",
	"Washington did not link the arms control discussions to Ukraine",
	"{who} had been told about the new proposals on {issue}",
}

var reportLeadIn = []string{"that ", "that ", "that ", "that ", ""}

// Background sentences, no speaker.
var backSents = []string{
	"{west} have imposed more than {n} {sanc} on Russia since 2014.",
	"Relations between {ru0} and {us0} have been strained {period}.",
	"The two countries last held talks on {issue} in {place}.",
	"In {place}, officials said that {n} {unit} had been allocated for the program.",
	"The {adj} talks in {place} lasted more than {hours} hours.",
	"{country} has offered to host {meet}.",
	"The exchange took place at the airport in {place}.",
	"Both embassies have been operating with skeleton staff since {year}.",
	"Direct flights between Russia and the United States were suspended in {year}.",
	"Officials in {place} declined to comment on the report.",
	"The statement came after a meeting of {org} in {place}.",
	"Analysts in {place} said the remarks signaled a {adj} shift in tone.",
	"The ruble weakened to {rate} per dollar on the news.",
	"Trade between the two countries fell to {money} last year.",
	"{org} is expected to discuss the issue at its next session.",
	"Russia and the United States together hold about {pct} percent of the world’s nuclear warheads.",
	"The visit by the delegation from {country} was the first in {small} years.",
	"Earlier, {org} adopted a resolution on {issue}.",
	"The foreign ministers of {country} and {country} also discussed {issue}.",
	"Reporters in {place} asked about {issue}, and the question was left unanswered.",
	"The remarks were broadcast on {media}.",
	"The Kremlin has repeatedly said that the door to {talko} remains open.",
	"{country} and {country} have called for a ceasefire and a diplomatic settlement.",
	"The price of Brent crude rose to {price} dollars a barrel.",
	"According to the latest poll, {pct} percent of respondents support {talko}.",
}

// Unrelated stories for "You May Also Like" blocks.
var otherHeads = []string{
	"{team} beat {team} {score} in a thriller at home",
	"Heat wave grips {region} as temperatures top {temp} degrees",
	"Storm leaves {small}0,000 homes without power in {region}",
	"{company} shares jump after strong quarterly earnings",
	"Central bank raises key rate to {pct2} percent to tame inflation",
	"New study links {food} to lower risk of heart disease",
	"Wildfires force evacuations near {city2}",
	"Housing prices in {city2} fall for the {ord} month in a row",
	"{company} unveils new smartphone with longer battery life",
	"Mayor of {city2} announces plan to expand public transport",
	"Police in {city2} investigate a string of burglaries",
	"Scientists discover new species of {animal} in {region}",
	"Tourism to {region} rebounds after pandemic slump",
	"Local school district approves {money} budget",
	"{team} coach fired after {small} straight losses",
	"Flights delayed across {region} after computer outage",
	"Farmers in {region} warn of poor {food} harvest",
	"Court blocks controversial zoning law in {city2}",
}

var otherTeasers = []string{
	"Fans packed the stadium for the season opener, and the home side did not disappoint, scoring twice in the final minutes…",
	"Officials urged residents to stay indoors, drink plenty of water and check on elderly neighbors as the heat continues through the weekend…",
	"Utility crews worked overnight to restore electricity, but some customers could remain without power until Thursday…",
	"The company reported revenue above analysts’ expectations, driven by strong demand for its cloud services and advertising business…",
	"Researchers followed more than 40,000 adults for over a decade and found that those who ate the most had fewer heart problems…",
	"The new routes will connect the suburbs with downtown and are expected to carry thousands of commuters every day…",
	"The decision was welcomed by environmental groups, who said the area is home to several endangered birds and plants…",
	"Economists say the slowdown reflects higher mortgage rates and a shortage of affordable homes in the region…",
}

var otherSrc = map[string]string{
	"team":    "Arsenal|Chelsea|the Lakers|the Celtics|the Yankees|the Dodgers|Real Madrid|Barcelona|Bayern Munich|Juventus|the Packers|the Chiefs|the Rangers|Zenit|Spartak Moscow|the Maple Leafs",
	"score":   "2-1|3-2|1-0|4-3|110-104|28-24|5-4|3-1",
	"region":  "Texas|California|southern Europe|the Midwest|Florida|northern Italy|the Pacific Northwest|Queensland|Bavaria|the Alps|Scotland|Ontario|New England|Andalusia",
	"city2":   "Chicago|Denver|Phoenix|Seattle|Atlanta|Toronto|Manchester|Lyon|Munich|Barcelona|Melbourne|Dallas|Boston|Portland|Miami|Houston",
	"company": "Apple|Alphabet|Microsoft|Amazon|Nvidia|Tesla|Samsung|Netflix|Intel|Boeing|Ford|Walmart|Siemens|Toyota",
	"food":    "olive oil|coffee|walnuts|blueberries|dark chocolate|green tea|oatmeal|salmon|lentils|tomatoes|wheat|corn|barley",
	"animal":  "frog|beetle|orchid|lizard|spider|butterfly|catfish|bat|snail|gecko",
	"ord":     "second|third|fourth|fifth|sixth",
	"temp":    "40|41|42|43|44|45|105|108|110",
	"small":   "3|4|5|6|7|8|9",
	"pct2":    "7.5|8|12|16|18|19|20|21",
	"money":   "$1.2 billion|$400 million|$85 million|$3.4 billion|$27 billion|$650 million|$2.1 trillion",
}

// Furniture.
var furnSites = []string{"Defence Talks | Defense News Military Pictures", "The Global Herald", "World News Digest", "Eurasia Review Daily", "Geopolitics Now", "The Moscow Observer", "Daily Policy Brief", "Frontline Dispatch"}

var unknownFirst = []string{"Peter", "Wang", "Olaf", "Recep", "Jens", "Alexander", "Mark", "Antonio", "Hanno", "Radoslaw", "Gabrielius", "Edgars", "Annalena", "Josep", "Kaja", "Mevlut", "Hakan", "Subrahmanyam", "Hossein", "Abbas", "Faisal", "Ali", "Luiz", "Ursula", "Emmanuel", "Giorgia", "Robert", "Aleksandar", "Ilham", "Nikol", "Kassym-Jomart", "Alexander", "Viktor", "Sergey", "Oleg", "Andrii", "Dmytro", "Mikhail", "Rodion", "Kirill"}
var unknownLast = []string{"Szijjarto", "Wenbin", "Scholz", "Erdogan", "Stoltenberg", "Stubb", "Rutte", "Guterres", "Pevkur", "Sikorski", "Landsbergis", "Rinkevics", "Baerbock", "Borrell", "Kallas", "Cavusoglu", "Fidan", "Jaishankar", "Amirabdollahian", "Araghchi", "bin Farhan", "Larijani", "Lula", "von der Leyen", "Macron", "Meloni", "Fico", "Vucic", "Aliyev", "Pashinyan", "Tokayev", "Lukashenko", "Orban", "Shoigu", "Galuzin", "Yermak", "Kuleba", "Podolyak", "Miroshnik", "Dmitriev"}
var unknownRoles = []string{"Hungarian Foreign Minister", "Chinese Foreign Ministry spokesman", "German Chancellor", "Turkish President", "NATO Secretary General", "Finnish President", "UN Secretary-General", "Estonian Defense Minister", "Polish Foreign Minister", "Lithuanian Foreign Minister", "Latvian President", "German Foreign Minister", "EU foreign policy chief", "Turkish Foreign Minister", "Indian External Affairs Minister", "Iranian Foreign Minister", "Saudi Foreign Minister", "Brazilian President", "European Commission President", "French President", "Italian Prime Minister", "Slovak Prime Minister", "Serbian President", "Azerbaijani President", "Armenian Prime Minister", "Kazakh President", "Belarusian President", "Hungarian Prime Minister", "Russian Security Council Secretary", "Russian Deputy Foreign Minister", "Ukrainian presidential aide", "Ukrainian Foreign Minister", "Russian investment envoy"}

var captionPlaces = []string{"MOSCOW, RUSSIA", "SOCHI, RUSSIA", "ST PETERSBURG, RUSSIA", "WASHINGTON, DC, USA", "NEW YORK, USA", "GENEVA, SWITZERLAND", "RIYADH, SAUDI ARABIA", "MINSK, BELARUS", "ANCHORAGE, USA"}
var captionWhat = []string{"takes part in a news conference", "speaks during a briefing", "attends a meeting of the Security Council", "is seen during talks", "speaks to the press", "attends the plenary session", "gestures during an interview", "arrives for the talks"}
var photographers = []string{"Sergei Bobylev/TASS", "Mikhail Metzel/TASS", "Valery Sharifulin/TASS", "Gavriil Grigorov/TASS", "Alexander Kazakov/Sputnik", "Evan Vucci/AP", "Alex Brandon/AP", "Andrew Harnik/Getty Images", "Brendan Smialowski/AFP", "Kevin Lamarque/Reuters", "Evelyn Hockstein/Reuters", "Maxim Shemetov/Reuters"}
var captionCredits = []string{"© AP Photo", "© Mikhail Metzel/TASS", "© EPA-EFE", "© Reuters", "© Sputnik", "© Getty Images", "© Kremlin Press Office"}

// Russian caption words for CP1251-as-Latin-1 mojibake.
var ruCaptions = []string{
	"Россия. Москва. Пресс-секретарь президента РФ Дмитрий Песков во время большой ежегодной пресс-конференции президента РФ Владимира Путина.",
	"Россия. Москва. Президент РФ Владимир Путин во время совещания с членами Совета безопасности в Кремле.",
	"Россия. Сочи. Министр иностранных дел РФ Сергей Лавров на пленарном заседании дискуссионного клуба.",
	"Россия. Москва. Официальный представитель МИД РФ Мария Захарова во время брифинга.",
	"США. Вашингтон. Посол России в США Анатолий Антонов во время беседы с журналистами.",
	"Россия. Москва. Помощник президента РФ Юрий Ушаков во время переговоров в Кремле.",
}
var ruCredits = []string{"Сергей Бобылев/ТАСС", "Михаил Метцель/ТАСС", "Валерий Шарифулин/ТАСС", "Гавриил Григоров/ТАСС"}

type bank struct {
	entries [][]seg
}

// seg is a literal or a reference to a bank (or a built-in generator).
type seg struct {
	lit  string
	bank *bank
	fn   int // built-in generator, see expand
}

const (
	fnNone = iota
	fnN
	fnYear
	fnHours
	fnRate
	fnMoney
	fnPct
	fnSmall
	fnPrice
)

var builtins = map[string]int{"n": fnN, "year": fnYear, "hours": fnHours, "rate": fnRate, "money": fnMoney, "pct": fnPct, "small": fnSmall, "price": fnPrice}

var banks = map[string]*bank{}

// compile turns a template into segments.
func compile(s string) []seg {
	var out []seg
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			out = append(out, seg{lit: s})
			break
		}
		if i > 0 {
			out = append(out, seg{lit: s[:i]})
		}
		j := strings.IndexByte(s[i:], '}')
		name := s[i+1 : i+j]
		if fn, ok := builtins[name]; ok && banks[name] == nil {
			out = append(out, seg{fn: fn})
		} else {
			b := banks[name]
			if b == nil {
				panic("gen: unknown bank " + name)
			}
			out = append(out, seg{bank: b})
		}
		s = s[i+j+1:]
	}
	return out
}

func compileAll(list []string) *bank {
	b := &bank{entries: make([][]seg, len(list))}
	for i, s := range list {
		b.entries[i] = compile(s)
	}
	return b
}

var (
	quoteBank, reportBank, backBank, headBank, teaserBank *bank
)

// The banks are set up by a package variable's initialiser, before any
// init function runs.
var _ = setupBanks()

func setupBanks() bool {
	srcs := map[string]string{}
	for k, v := range bankSrc {
		srcs[k] = v
	}
	for k, v := range otherSrc {
		if k == "small" || k == "money" {
			continue // built-ins
		}
		srcs[k] = v
	}
	srcs["ru0"] = "Moscow|Russia"
	srcs["us0"] = "Washington|the United States"
	srcs["want2"] = "Moscow hoped that|Moscow expected that|the Kremlin believed that|there were signs that"
	srcs["We"] = srcs["we"]
	delete(srcs, "we")
	// create all first so that entries can refer to each other
	for k := range srcs {
		banks[k] = &bank{}
	}
	for k, v := range srcs {
		banks[k].entries = compileAll(strings.Split(v, "|")).entries
	}
	banks["want"].entries = compileAll(capitalizeAll(strings.Split(srcs["want"], "|"))).entries
	quoteBank = compileAll(quoteSents)
	reportBank = compileAll(reportSents)
	backBank = compileAll(backSents)
	headBank = compileAll(otherHeads)
	teaserBank = compileAll(otherTeasers)
	return true
}

func capitalizeAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = strings.ToUpper(s[:1]) + s[1:]
	}
	return out
}
