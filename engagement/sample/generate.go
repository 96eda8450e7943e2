package sample

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"example.com/engagement/engagement/dashboard"
	"example.com/engagement/engagement/metrics"
)

// The sample event's fixed facts.
var (
	// Start and End bound the sample edit-a-thon (inclusive, UTC).
	Start = time.Date(2021, 3, 5, 0, 0, 0, 0, time.UTC)
	End   = time.Date(2021, 3, 7, 23, 59, 59, 0, time.UTC)
	// AsOf is the instant the sample is observed up to.
	AsOf = time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	// Wikis are the course wikis, home wiki first.
	Wikis = []string{"en.wikipedia.org", "www.wikidata.org", "commons.wikimedia.org"}
)

// Slug is the sample course's Dashboard slug; CourseURL its page.
const (
	Slug      = "Sample_Library/Women_in_Science_Edit-a-thon_(March_2021)"
	CourseURL = "https://outreachdashboard.wmflabs.org/courses/" + Slug
)

// DefaultSeed seeds the committed sample.
const DefaultSeed = 20210305

// Config sizes a generated event.
type Config struct {
	Seed int64
	// Participants is the number of distinct role-0 usernames (56 for the
	// committed sample, whose composition is fixed: see Composition).
	Participants int
	// Contributions is the approximate number of participants' live
	// revisions on the course wikis.
	Contributions int
}

// DefaultConfig is the configuration of the committed sample.
func DefaultConfig() Config {
	return Config{Seed: DefaultSeed, Participants: 56, Contributions: 6000}
}

// Kind is a participant's role in the generated story.
type Kind int

// Kinds of generated users.
const (
	KindNew Kind = iota
	KindExperienced
	KindLongTerm
	KindFacilitator // enrolled as editor and facilitator
	KindMissing     // account no longer exists
	KindBot
	// KindNewcomer is an account that did not come to the event (see
	// Newcomers).
	KindNewcomer
)

// Person is one generated user.
type Person struct {
	Name         string // canonical username
	Enrolled     string // as written at enrolment
	Kind         Kind
	Registration time.Time // zero: very old account with no date
	UserID       int64     // same on every wiki (a simplification)
	GlobalID     int64
	// Returner describes activity after the event for new editors:
	// 0 stops, 1 returns within a month, 2 active ~6 months, 3 active > 1 year.
	Returner int
	Edits    int // live revisions generated
}

// Revision is one generated revision, with its text size.
type Revision struct {
	metrics.Contribution
	ParentID int64
	Size     int
	UserID   int64
	Comment  string
}

// Event is a generated event: the course, its enrolments, the accounts and
// every revision (participants' and background editors').
type Event struct {
	Config    Config
	People    []Person
	Enrolment []dashboard.User
	Revisions map[string][]Revision // by wiki, in MediaWiki import order
	// Newcomers registered around the event without coming to it; their
	// revisions are in Revisions after everyone else's.
	Newcomers []Newcomer
}

// Composition is the committed sample's make-up, asserted by its tests.
var Composition = struct {
	Enrolments, Students, Distinct, Facilitators, Staff int
	New, Experienced, LongTerm, Excluded                int
}{Enrolments: 60, Students: 57, Distinct: 56, Facilitators: 2, Staff: 1, New: 36, Experienced: 17, LongTerm: 3, Excluded: 3}

var firstNames = []string{"Ada", "Grace", "Marie", "Rosalind", "Lise", "Chien-Shiung", "Katherine", "Dorothy", "Barbara", "Emmy", "Hedy", "Mae", "Rachel", "Jane", "Tu", "Vera", "Mary", "Henrietta", "Annie", "Cecilia", "Lynn", "Jocelyn", "Flossie", "Gertrude", "Hypatia", "Irène", "Joan", "Kalpana", "Lucy", "Maryam", "Nettie", "Oksana", "Priya", "Rita", "Sofia", "Tebello", "Úrsula", "Valentina", "Wangari", "Xiaoyan", "Yasmin", "Zaha", "Amara", "Bea", "Chiara", "Dagny", "Esi", "Farah", "Gül", "Hana", "Ines", "Jun", "Kiri", "Leila", "Mina", "Noor"}
var lastNames = []string{"Okafor", "Lindqvist", "Moreau", "Tanaka", "Kowalska", "Mbeki", "Rossi", "Novak", "Haddad", "Silva", "Nakamura", "Fischer", "Dubois", "Garcia", "Ivanova", "Kaur", "Mensah", "Olsen", "Petrova", "Quispe", "Reyes", "Santos", "Takahashi", "Umeh", "Varga", "Wójcik", "Yilmaz", "Zhang"}

// Generate builds an event deterministically from cfg.
func Generate(cfg Config) (*Event, error) {
	if cfg.Participants < 6 {
		return nil, fmt.Errorf("sample: need at least 6 participants, got %d", cfg.Participants)
	}
	rng := rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed))
	ev := &Event{Config: cfg, Revisions: map[string][]Revision{}}
	ev.People = makePeople(rng, cfg.Participants)
	ev.Enrolment = enrolments(ev.People)
	ev.generateRevisions(rng)
	ev.addNewcomers()
	return ev, nil
}

// makePeople draws n people. The committed sample has 56 distinct
// students: 1 facilitator, 1 missing, 1 bot, 3 long-term, 14 other
// experienced, 36 new.
func makePeople(rng *rand.Rand, n int) []Person {
	nNew := int(math.Round(float64(n-3) * 36.0 / 53.0))
	nLong := max(1, int(math.Round(float64(n-3)*3.0/53.0)))
	name := nameMaker(n)
	var people []Person
	add := func(p Person) {
		p.UserID = int64(len(people) + 2) // user 1 is the wiki's installer
		p.GlobalID = 40_000_000 + int64(len(people))*37
		people = append(people, p)
	}
	add(Person{Name: "Librarian Lucy", Enrolled: "Librarian Lucy", Kind: KindFacilitator, Registration: time.Date(2012, 5, 2, 9, 30, 0, 0, time.UTC)})
	add(Person{Name: "Vanished Nomad", Enrolled: "Vanished Nomad", Kind: KindMissing})
	add(Person{Name: "CiteFixBot", Enrolled: "CiteFixBot", Kind: KindBot, Registration: time.Date(2016, 8, 14, 11, 0, 0, 0, time.UTC)})
	for i := 0; i < n-3; i++ {
		p := Person{Name: name(i)}
		p.Enrolled = p.Name
		switch {
		case i < nLong:
			p.Kind = KindLongTerm
			p.Registration = time.Date(2006+rng.IntN(6), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC)
			if i == 0 {
				p.Registration = time.Time{} // a very old account: no registration date
			}
		case i < n-3-nNew:
			p.Kind = KindExperienced
			p.Registration = time.Date(2010+rng.IntN(10), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), rng.IntN(24), rng.IntN(60), rng.IntN(60), 0, time.UTC)
		default:
			drawNewcomer(rng, &p)
		}
		add(p)
	}
	// The enrolment written with underscores and a lower-case first letter.
	for i := range people {
		if people[i].Kind == KindNew {
			people[i].Name = "Jane doe (WMUK)"
			people[i].Enrolled = "jane_doe_(WMUK)"
			break
		}
	}
	return people
}

// nameMaker returns a function giving person i of n a name no other has.
func nameMaker(n int) func(i int) string {
	used := map[string]bool{}
	return func(i int) string {
		for k := 0; ; k++ {
			s := firstNames[(i+k)%len(firstNames)] + " " + lastNames[(i*7+k*3)%len(lastNames)]
			if n > len(firstNames)*2 {
				s = fmt.Sprintf("%s %d", s, i)
			}
			if !used[s] {
				used[s] = true
				return s
			}
		}
	}
}

// drawNewcomer makes p a new account, registered in the 14 days before the
// event or during it, and draws whether and how long she returns.
func drawNewcomer(rng *rand.Rand, p *Person) {
	p.Kind = KindNew
	span := End.Sub(Start.Add(-14*24*time.Hour)) / time.Second
	off := time.Duration(rng.Int64N(int64(span))) * time.Second
	if rng.IntN(2) == 0 {
		off = 14*24*time.Hour + time.Duration(rng.Int64N(int64(End.Sub(Start)/time.Second)))*time.Second
	}
	p.Registration = Start.Add(-14 * 24 * time.Hour).Add(off)
	switch r := rng.Float64(); {
	case r < 0.06:
		p.Returner = 3
	case r < 0.12:
		p.Returner = 2
	case r < 0.32:
		p.Returner = 1
	}
}

// enrolments lists the people's enrolments in users.json's order, as the
// Dashboard lists them: each person, one enrolled twice, then the
// facilitators and the staff member.
func enrolments(people []Person) []dashboard.User {
	var users []dashboard.User
	enrolAt := Start.Add(-3 * 24 * time.Hour)
	var dup *Person
	for i := range people {
		p := &people[i]
		at := enrolAt.Add(time.Duration(i) * 37 * time.Minute)
		u := dashboard.User{ID: 9000 + int64(i), Username: p.Enrolled, GlobalID: p.GlobalID, Role: dashboard.RoleStudent, RoleDescription: "", EnrolledAt: at}
		if p.Kind != KindMissing {
			u.RegisteredAt = p.Registration
		}
		users = append(users, u)
		if dup == nil && p.Kind == KindExperienced {
			dup = p
		}
	}
	if dup != nil { // the duplicate enrolment: same user, enrolled again on day 2
		users = append(users, dashboard.User{ID: 9500, Username: dup.Enrolled, GlobalID: dup.GlobalID, Role: dashboard.RoleStudent, EnrolledAt: Start.Add(26 * time.Hour), RegisteredAt: dup.Registration})
	}
	return append(users,
		dashboard.User{ID: 9601, Username: "Librarian Lucy", GlobalID: people[0].GlobalID, Role: dashboard.RoleInstructor, RoleDescription: "Facilitator", EnrolledAt: enrolAt.Add(-48 * time.Hour), RegisteredAt: people[0].Registration},
		dashboard.User{ID: 9602, Username: "Ana Trainer (WMXX)", GlobalID: 39_000_001, Role: dashboard.RoleInstructor, RoleDescription: "Facilitator", EnrolledAt: enrolAt.Add(-47 * time.Hour), RegisteredAt: time.Date(2014, 1, 9, 8, 0, 0, 0, time.UTC)},
		dashboard.User{ID: 9603, Username: "Program Officer (WMF)", GlobalID: 39_000_002, Role: dashboard.RoleStaff, RoleDescription: "Staff", EnrolledAt: enrolAt.Add(-46 * time.Hour), RegisteredAt: time.Date(2013, 6, 1, 8, 0, 0, 0, time.UTC)},
	)
}

// weight draws a heavy-tailed activity weight (log-normal).
func weight(rng *rand.Rand, mu, sigma float64) float64 {
	return math.Exp(mu + sigma*rng.NormFloat64())
}

type draft struct {
	wiki   string
	user   int // index in People; -1 = background editor
	t      time.Time
	ns     int
	create bool
	page   int // index in the wiki's page pool; -1 = new page
	diff   int
}

// workStart is when the edit-a-thon's working hours start on its first
// day: 10:00.
var workStart = Start.Add(10 * time.Hour)

// y2019 is when the contributions start.
var y2019 = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)

// generateRevisions draws every person's edits and the background pages
// they improve, and assembles them into revisions.
func (ev *Event) generateRevisions(rng *rand.Rand) {
	cfg := ev.Config
	ev.drawEditCounts(rng)
	startPool := 40 + cfg.Contributions/50
	pools := map[string]int{}
	drafts := make([]draft, 0, cfg.Contributions+cfg.Contributions/8+4*startPool)
	for wi, w := range Wikis {
		n := startPool / (1 + 2*wi)
		pools[w] = n
		for k := 0; k < n; k++ { // background pages created 2015–2018
			drafts = append(drafts, draft{wiki: w, user: -1, t: time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(rng.Int64N(4*365*24)) * time.Hour), ns: []int{0, 0, 6}[wi], create: true, page: k, diff: 2000 + rng.IntN(20000)})
		}
	}
	var times []time.Time // reused for every person
	for ui, p := range ev.People {
		if p.Edits == 0 {
			continue
		}
		times = editTimes(rng, p, times[:0])
		for k, t := range times {
			if t.After(AsOf) {
				t = AsOf.Add(-time.Duration(k+1) * time.Minute)
			}
			drafts = append(drafts, drawEdit(rng, p, ui, k, t, pools))
		}
	}
	ev.assemble(rng, drafts, pools)
}

// drawEditCounts gives every person an edit count, from heavy-tailed
// weights scaled to the configured number of contributions; a few new
// editors enrolled but never edited.
func (ev *Event) drawEditCounts(rng *rand.Rand) {
	ws := make([]float64, len(ev.People))
	total := 0.0
	for i, p := range ev.People {
		switch p.Kind {
		case KindNew:
			ws[i] = weight(rng, 1.6, 1.0)
			if p.Returner == 3 {
				ws[i] += 40
			} else if p.Returner == 2 {
				ws[i] += 12
			}
		case KindExperienced:
			ws[i] = weight(rng, 3.5, 0.9)
		case KindLongTerm:
			ws[i] = 900 + 600*rng.Float64()
		case KindFacilitator:
			ws[i] = 60
		case KindBot:
			ws[i] = 40
		case KindMissing:
			ws[i] = 0
		}
		total += ws[i]
	}
	scale := float64(ev.Config.Contributions) / total
	for i := range ev.People {
		ev.People[i].Edits = int(math.Round(ws[i] * scale))
	}
	never := 0
	for i := len(ev.People) - 1; i >= 0 && never < 3; i-- {
		if ev.People[i].Kind == KindNew && ev.People[i].Returner == 0 && ev.People[i].Name != "Jane doe (WMUK)" {
			ev.People[i].Edits = 0
			never++
		}
	}
}

// secs draws a whole second in [a, b]; a when b is not after a.
func secs(rng *rand.Rand, a, b time.Time) time.Time {
	if !b.After(a) {
		return a
	}
	return a.Add(time.Duration(rng.Int64N(int64(b.Sub(a)/time.Second)+1)) * time.Second)
}

// duringEvent draws the time of an edit in the event's working hours, on
// one of its three days.
func duringEvent(rng *rand.Rand) time.Time {
	day := rng.IntN(3)
	return secs(rng, workStart.Add(time.Duration(day)*24*time.Hour), workStart.Add(time.Duration(day)*24*time.Hour+7*time.Hour))
}

// editTimes appends to times the times of p's edits, in time order.
func editTimes(rng *rand.Rand, p Person, times []time.Time) []time.Time {
	switch p.Kind {
	case KindNew:
		during := max(1, p.Edits*7/10)
		if p.Returner == 0 {
			during = p.Edits
		}
		for k := 0; k < during; k++ {
			times = append(times, duringEvent(rng))
		}
		rest := p.Edits - during
		horizon := map[int]time.Duration{1: 30, 2: 200, 3: 900}[p.Returner] * 24 * time.Hour
		for k := 0; k < rest; k++ {
			// Activity decays: more edits soon after the event.
			f := math.Pow(rng.Float64(), 1.8)
			times = append(times, End.Add(time.Second+time.Duration(f*float64(horizon))))
		}
	case KindBot:
		for k := 0; k < p.Edits; k++ {
			times = append(times, secs(rng, y2019, AsOf.Add(-time.Hour)))
		}
	default:
		times = experiencedTimes(rng, p, times)
	}
	afterRegistration(p.Registration, times)
	slices.SortFunc(times, func(a, b time.Time) int { return a.Compare(b) })
	return times
}

// experiencedTimes appends the times of the edits of p, an experienced
// editor or a facilitator: some during the event, the rest before and
// after it.
func experiencedTimes(rng *rand.Rand, p Person, times []time.Time) []time.Time {
	during := min(p.Edits/5, 3+rng.IntN(25))
	if p.Kind == KindFacilitator {
		during = 20
	}
	for k := 0; k < during; k++ {
		times = append(times, duringEvent(rng))
	}
	before := (p.Edits - during) * 45 / 100
	if p.Kind == KindLongTerm {
		before = max(before, 600+rng.IntN(200))
		before = min(before, p.Edits-during)
	}
	stop := AsOf.Add(-time.Hour)
	if p.Kind == KindExperienced && rng.IntN(2) == 0 {
		stop = End.Add(time.Duration(3+rng.IntN(400)) * 24 * time.Hour) // stopped editing later
	}
	for k := 0; k < p.Edits-during; k++ {
		if k < before {
			times = append(times, secs(rng, y2019, Start.Add(-time.Hour)))
		} else {
			times = append(times, secs(rng, End.Add(time.Hour), stop))
		}
	}
	return times
}

// afterRegistration makes sure nobody edits before registering (reg; none
// when zero): it squeezes the edits drawn before the registration into the
// rest of their band (before the event, or the event itself), keeping
// their order. No randomness is used, so the rest of the event stays as it
// was.
func afterRegistration(reg time.Time, times []time.Time) {
	if reg.IsZero() {
		return
	}
	for k, t := range times {
		if !t.Before(reg) {
			continue
		}
		lo, hi := y2019, Start
		if !t.Before(Start) {
			lo, hi = Start, End
		}
		f := float64(t.Sub(lo)) / float64(hi.Sub(lo))
		times[k] = reg.Add(time.Second + time.Duration(f*float64(hi.Sub(reg)-time.Second))).Truncate(time.Second)
	}
}

// pickWiki draws the wiki and namespace of an edit.
func pickWiki(rng *rand.Rand) (string, int) {
	switch r := rng.Float64(); {
	case r < 0.78:
		return Wikis[0], []int{0, 0, 0, 0, 0, 0, 1, 2, 2, 3, 4, 14}[rng.IntN(12)]
	case r < 0.92:
		return Wikis[1], []int{0, 0, 0, 1}[rng.IntN(4)]
	default:
		return Wikis[2], []int{6, 6, 14, 2}[rng.IntN(4)]
	}
}

// drawEdit draws edit k of p (People[ui]), at t: its wiki, namespace,
// whether it creates a page or which of the wiki's pools pages it edits,
// and its size difference.
func drawEdit(rng *rand.Rand, p Person, ui, k int, t time.Time, pools map[string]int) draft {
	w, ns := pickWiki(rng)
	if p.Kind == KindNew && k == 0 {
		w, ns = Wikis[0], 2 // a first sandbox edit
	}
	d := draft{wiki: w, user: ui, t: t, ns: ns, page: -1}
	switch {
	case ns == 2 || ns == 3:
		d.diff = 20 + rng.IntN(900)
	case ns == 6:
		d.create = true
		d.diff = 300 + rng.IntN(1500)
	case ns == 0 && w == Wikis[0] && inEvent(t) && p.Kind == KindNew && rng.IntN(6) == 0:
		d.create = true
		d.diff = 1500 + rng.IntN(13500)
	case ns == 0 && w == Wikis[1] && rng.IntN(12) == 0:
		d.create = true
		d.diff = 800 + rng.IntN(4000)
	case p.Kind != KindNew && rng.IntN(40) == 0:
		d.create = true
		d.diff = 1500 + rng.IntN(8000)
	default:
		d.page = rng.IntN(pools[w])
		d.diff = rng.IntN(1000) - 200
	}
	return d
}

// assemble turns drafts into revisions with the ids a fresh MediaWiki
// assigns on import: pages in order of their first revision, revisions page
// by page in time order, both counting from 2 (the Main Page is 1).
func (ev *Event) assemble(rng *rand.Rand, drafts []draft, pools map[string]int) {
	drafts = byTime(drafts)
	ps := &pages{ev: ev, rng: rng, byWiki: map[string][]*page{}, pool: map[string][]*page{}, of: make(map[pageKey]*page, len(drafts)/4)}
	for _, w := range Wikis {
		ps.pool[w] = make([]*page, pools[w])
	}
	for i := range drafts {
		ps.place(drafts, i)
	}
	for _, w := range Wikis {
		ev.Revisions[w] = ev.revisions(rng, w, ps.byWiki[w], drafts)
	}
}

// byTime returns drafts sorted by time, stably: ties keep their
// generation order.
func byTime(drafts []draft) []draft {
	order := make([]int32, len(drafts))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Or(drafts[a].t.Compare(drafts[b].t), cmp.Compare(a, b)) })
	sorted := make([]draft, len(drafts))
	for i, o := range order {
		sorted[i] = drafts[o]
	}
	return sorted
}

type pageKey struct{ wiki, title string }

// page is a page of a wiki and its revisions.
type page struct {
	ns    int
	title string
	revs  []int // indexes into drafts
}

// pages are the pages drafts are placed on.
type pages struct {
	ev     *Event
	rng    *rand.Rand
	byWiki map[string][]*page // in order of first revision
	pool   map[string][]*page // the background pages, by index in the pool
	of     map[pageKey]*page
}

// place puts drafts[i] on its page, naming a new page.
func (ps *pages) place(drafts []draft, i int) {
	d := &drafts[i]
	var pg *page
	switch {
	case d.user == -1:
		pg = &page{ns: d.ns, title: ps.title(d.wiki, d.ns, -1)}
		ps.pool[d.wiki][d.page] = pg
	case d.page >= 0 && !d.create:
		pg = ps.pool[d.wiki][d.page]
		if pg == nil {
			return
		}
	case d.ns == 2 || d.ns == 3:
		t := ps.title(d.wiki, d.ns, d.user)
		pg = ps.of[pageKey{d.wiki, t}]
		if pg == nil {
			pg = &page{ns: d.ns, title: t}
		}
	default:
		pg = &page{ns: d.ns, title: ps.title(d.wiki, d.ns, d.user)}
	}
	key := pageKey{d.wiki, pg.title}
	if ps.of[key] == nil {
		ps.of[key] = pg
		ps.byWiki[d.wiki] = append(ps.byWiki[d.wiki], pg)
	}
	pg.revs = append(pg.revs, i)
}

// title draws the title of a new page in namespace ns of wiki w, created
// by People[user] (-1: the background editor); for a user page, the title
// of her page, which may exist.
func (ps *pages) title(w string, ns int, user int) string {
	rng := ps.rng
	for attempt := 0; ; attempt++ {
		var t string
		switch {
		case w == Wikis[1] && ns == 0:
			t = fmt.Sprintf("Q%d", 100000+rng.IntN(9000000))
		case w == Wikis[1] && ns == 1:
			t = fmt.Sprintf("Talk:Q%d", 100000+rng.IntN(9000000))
		case ns == 6:
			t = fmt.Sprintf("File:%s %s %d.jpg", pickOne(rng, subjects), pickOne(rng, photoWords), 1+rng.IntN(999))
		case ns == 14:
			t = fmt.Sprintf("Category:%s %s", pickOne(rng, fields), pickOne(rng, catWords))
		case ns == 2 || ns == 3:
			t = ps.userPage(ns, user)
			if ps.of[pageKey{w, t}] != nil {
				return t
			}
		case ns == 4:
			t = fmt.Sprintf("Wikipedia:Meetup/%s %d", pickOne(rng, fields), 2015+rng.IntN(10))
		case ns == 1:
			t = fmt.Sprintf("Talk:%s %s", pickOne(rng, givenNames), pickOne(rng, familyNames))
		default:
			t = fmt.Sprintf("%s %s", pickOne(rng, givenNames), pickOne(rng, familyNames))
			if rng.IntN(3) == 0 {
				t += fmt.Sprintf(" (%s)", strings.ToLower(pickOne(rng, fields)))
			}
		}
		if attempt > 20 && ns != 2 && ns != 3 { // large events: names run out
			t = fmt.Sprintf("%s %d", t, rng.IntN(1_000_000_000))
		}
		if ps.of[pageKey{w, t}] == nil {
			return t
		}
	}
}

// userPage draws the title of People[user]'s user page (ns 2: maybe her
// sandbox) or user talk page (ns 3); -1 is the background editor.
func (ps *pages) userPage(ns, user int) string {
	pre := "User:"
	if ns == 3 {
		pre = "User talk:"
	}
	name := "Background editor"
	if user >= 0 {
		name = ps.ev.People[user].Name
	}
	t := pre + name
	if ns == 2 && ps.rng.IntN(2) == 0 {
		t += "/sandbox"
	}
	return t
}

// revisions numbers the revisions of wiki w's pages (in order of first
// revision), page by page, each page's in time order.
func (ev *Event) revisions(rng *rand.Rand, w string, pgs []*page, drafts []draft) []Revision {
	n := 0
	for _, pg := range pgs {
		n += len(pg.revs)
	}
	out := make([]Revision, 0, n)
	rev := int64(2)
	for pi, pg := range pgs {
		size := 0
		parent := int64(0)
		for k, di := range pg.revs {
			d := drafts[di]
			newSize := max(size+d.diff, 10)
			if k == 0 {
				newSize = max(d.diff, 10)
			}
			r := Revision{
				Contribution: metrics.Contribution{Wiki: w, RevID: rev, PageID: int64(pi + 2), NS: pg.ns, Title: pg.title, Timestamp: d.t.UTC(), SizeDiff: newSize - size, New: k == 0},
				ParentID:     parent,
				Size:         newSize,
			}
			if d.user >= 0 {
				r.Username = ev.People[d.user].Name
				r.UserID = ev.People[d.user].UserID
			} else {
				r.Username = BackgroundEditor
				r.UserID = 1
			}
			r.Comment = comment(rng, r)
			out = append(out, r)
			size, parent = newSize, rev
			rev++
		}
	}
	return out
}

// BackgroundEditor authors the earlier revisions of pages participants
// improve, so every page history is complete.
const BackgroundEditor = "Background editor"

// Article subjects use names distinct from the participants' usernames.
var givenNames = []string{"Agnes", "Beatrix", "Clara", "Edith", "Florence", "Harriet", "Ida", "Johanna", "Louise", "Margarethe", "Nadia", "Olga", "Pauline", "Sophie", "Theodora", "Wilhelmina"}
var familyNames = []string{"Abernethy", "Bergström", "Castellanos", "Delacroix", "Eriksen", "Fairweather", "Gallo", "Hartmann", "Ishikawa", "Jovanović", "Kuznetsova", "Larsen", "Moreira", "Nwosu", "Oyelaran", "Pettersson"}

var subjects = []string{"Portrait of", "Laboratory of", "Lecture by", "Notebook of", "Observatory of", "Herbarium sheet by"}
var photoWords = []string{"1921", "1935", "archive", "library scan", "museum", "detail"}
var fields = []string{"Astronomy", "Chemistry", "Botany", "Physics", "Mathematics", "Genetics", "Computing", "Geology"}
var catWords = []string{"women scientists", "researchers", "educators", "inventors"}

func pickOne(rng *rand.Rand, s []string) string { return s[rng.IntN(len(s))] }

func comment(rng *rand.Rand, r Revision) string {
	switch {
	case r.New && r.NS == 0:
		return "Created page for the Women in Science edit-a-thon"
	case r.New:
		return "Created page"
	case r.SizeDiff < 0:
		return "copyedit"
	}
	return pickOne(rng, []string{"added citation", "expanded early life section", "added infobox", "fixed link", "wikidata: added statement", "reply"})
}

// Contributions returns the participants' revisions (background revisions
// and newcomers' excluded) in contributions.csv order: wiki, username, timestamp, revid.
func (ev *Event) Contributions() []metrics.Contribution {
	var out []metrics.Contribution
	others := map[string]bool{BackgroundEditor: true}
	for _, n := range ev.Newcomers {
		others[n.Name] = true
	}
	for _, w := range Wikis {
		for _, r := range ev.Revisions[w] {
			if !others[r.Username] {
				out = append(out, r.Contribution)
			}
		}
	}
	slices.SortFunc(out, func(a, b metrics.Contribution) int {
		return cmp.Or(cmp.Compare(slices.Index(Wikis, a.Wiki), slices.Index(Wikis, b.Wiki)), cmp.Compare(a.Username, b.Username), a.Timestamp.Compare(b.Timestamp), cmp.Compare(a.RevID, b.RevID))
	})
	return out
}

// Accounts returns the account facts of every enrolled user that exists.
func (ev *Event) Accounts() []metrics.Account {
	var out []metrics.Account
	for _, p := range ev.People {
		if p.Kind == KindMissing {
			continue
		}
		out = append(out, metrics.Account{Username: p.Name, Registration: p.Registration, Bot: p.Kind == KindBot})
	}
	return out
}
