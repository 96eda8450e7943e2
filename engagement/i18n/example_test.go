package i18n_test

import (
	"fmt"
	"time"

	"example.com/engagement/engagement/i18n"
)

// A Localizer for Brazilian Portuguese falls back to pt.json; counts pick
// their plural form and are shown formatted; an unknown key is visible.
func Example() {
	l, err := i18n.New("pt-BR")
	if err != nil {
		panic(err)
	}
	fmt.Println(l.Chain(), l.Lang(), l.Dir())
	fmt.Println(l.Count("engagement-created-articles", 1))
	fmt.Println(l.Count("engagement-created-articles", 1234))
	fmt.Println(l.T("engagement-share-detail", l.Int(12), l.Int(36), l.Percent(0.19, 1), l.Percent(0.5, 1)))
	fmt.Println(l.Date(time.Date(2021, time.March, 2, 0, 0, 0, 0, time.UTC)))
	fmt.Println(l.T("engagement-no-such-key"), l.Missing())
	// Output:
	// [pt-br pt en] pt ltr
	// 1 artigo
	// 1.234 artigos
	// 12 de 36, IC 95% 19,0%–50,0%
	// 2 de março de 2021
	// ⧼engagement-no-such-key⧽ [engagement-no-such-key]
}
