package engagement

// Settings are what an organizer sets to analyse an event or a campaign,
// in one value: a notebook's ✏️ cell is one Settings, given to Open or
// OpenCampaign by one option:
//
//	st := engagement.Settings{Course: engagement.Sample, Language: "es", LookbackDays: 14}
//	s, err := engagement.Open(ctx, st.Course, engagement.WithSettings(st))
//
// Each field is named as the SettingError of a bad value names it (see
// SettingError.SettingName), so an error says which field to change. A
// zero field leaves the session as the options before WithSettings made
// it (by default: no contact, no cache, online, the event's own as-of, a
// look-back of 14 days, long-term from 500 edits, no baseline, English).
type Settings struct {
	// Course is the event for Open: Sample, a Dashboard course URL or
	// slug, or a folder of downloaded Dashboard files. WithSettings does
	// not read it: it is Open's argument, and a bad one is a SettingError
	// naming Course.
	Course string
	// Campaign is the campaign for OpenCampaign: Sample, a Dashboard
	// campaign URL or slug, or a folder (see LoadCampaign). As Course, it
	// is OpenCampaign's argument; a bad one is a SettingError naming
	// Campaign.
	Campaign string
	// Contact is the email address or user page sent in the User-Agent
	// Wikimedia asks for on live runs (WithContact).
	Contact string
	// Language is the BCP 47 code of the reports' language: "en", "es",
	// "fr", "pt", "pt-BR" (WithLanguage); "" is English.
	Language string
	// CacheDir keeps the Dashboard's and the API's answers, so that a
	// rerun asks nobody anything (WithCacheDir).
	CacheDir string
	// Offline answers from the cache only; a miss is an error
	// (WithOffline).
	Offline bool
	// AsOf is "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ", the instant observed
	// up to (WithAsOfDate); "" is the event's own.
	AsOf string
	// LookbackDays is how many days before the start a registration makes
	// a participant new (WithLookbackDays); 0 keeps the default, 14. For
	// a look-back of 0 days, give WithLookbackDays(0) after WithSettings.
	LookbackDays int
	// LongTermEdits is the edits before the start from which an
	// experienced participant is long-term (WithLongTermEdits); 0 keeps
	// the default, 500.
	LongTermEdits int
	// Baseline is the most comparable newcomers to measure beside the new
	// editors (WithBaseline); 0 is no baseline. Give WithProgress or
	// WithProgressBar before WithSettings for the baseline's fetch to
	// report its progress too.
	Baseline int
	// From is a folder of a previous run's CSV files to re-analyse instead
	// of asking Wikimedia (WithDataFrom).
	From string
}

// WithSettings applies every non-zero field of st but Course and Campaign
// (Open's and OpenCampaign's argument) through its own option: Contact by
// WithContact, Language by WithLanguage, CacheDir by WithCacheDir,
// Offline by WithOffline, AsOf by WithAsOfDate, LookbackDays by
// WithLookbackDays, LongTermEdits by WithLongTermEdits, Baseline by
// WithBaseline and From by WithDataFrom. A bad value is that option's
// SettingError, which names the field; options after WithSettings
// override its fields.
func WithSettings(st Settings) Option {
	return func(s *Session) error {
		for _, o := range st.options() {
			if err := o(s); err != nil {
				return err
			}
		}
		return nil
	}
}

// options are the options of st's non-zero fields, in the order of
// WithSettings' doc.
func (st Settings) options() []Option {
	var opts []Option
	add := func(set bool, o Option) {
		if set {
			opts = append(opts, o)
		}
	}
	add(st.Contact != "", WithContact(st.Contact))
	add(st.Language != "", WithLanguage(st.Language))
	add(st.CacheDir != "", WithCacheDir(st.CacheDir))
	add(st.Offline, WithOffline(true))
	add(st.AsOf != "", WithAsOfDate(st.AsOf))
	add(st.LookbackDays != 0, WithLookbackDays(st.LookbackDays))
	add(st.LongTermEdits != 0, WithLongTermEdits(st.LongTermEdits))
	add(st.Baseline != 0, WithBaseline(st.Baseline))
	add(st.From != "", WithDataFrom(st.From))
	return opts
}
