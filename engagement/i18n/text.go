package i18n

// A Text is a sentence decided now and shown later, in the reader's
// language: a key of the message files and its arguments (strings as they
// are; numbers raw, as T takes them). A package that notes something
// (a client, the core) keeps a Text; the report or the notebook that shows
// it writes it in the reader's language with In.
type Text struct {
	Key  string
	Args []string
}

// Msg returns the Text of key with args.
func Msg(key string, args ...string) Text { return Text{Key: key, Args: args} }

// In writes t in l's language (nil: English).
func (t Text) In(l *Localizer) string {
	if l == nil {
		en, err := New("en")
		if err != nil { // the embedded English messages are checked by this package's tests
			panic("i18n: the embedded English messages: " + err.Error())
		}
		l = en
	}
	args := make([]any, len(t.Args))
	for i, a := range t.Args {
		args[i] = a
	}
	return l.T(t.Key, args...)
}

// String writes t in English.
func (t Text) String() string { return t.In(nil) }
