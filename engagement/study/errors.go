package study

// Names of the settings a user changes to fix a SettingError: the
// variables of a notebook's ✏️ cell.
const (
	SettingCourse        = "Course"
	SettingContact       = "Contact"
	SettingCacheDir      = "CacheDir"
	SettingAsOf          = "AsOf"
	SettingLookbackDays  = "LookbackDays"
	SettingLongTermEdits = "LongTermEdits"
)

// SettingError is an error the user fixes by changing one setting, named
// in Setting (one of the Setting constants).
type SettingError struct {
	Setting string
	Err     error
}

func (e *SettingError) Error() string { return e.Err.Error() }

// SettingName returns the setting to change.
func (e *SettingError) SettingName() string { return e.Setting }

// Unwrap returns the underlying error.
func (e *SettingError) Unwrap() error { return e.Err }
