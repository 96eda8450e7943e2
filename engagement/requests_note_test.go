package engagement

import "testing"

// The line a notebook cell shows after it ran, in the session's language;
// English as notebooks/run.sh looks for it ("Requests sent by this cell:
// 0 requests").
func TestRequestsNoteInLanguage(t *testing.T) {
	r := Requests{Dashboard: 1, API: 1233, DashboardCached: 2, APICached: 34}
	for lang, want := range map[string]string{
		"":   "Requests sent by this cell: 1,234 requests (Dashboard 1, Wikimedia API 1,233); 36 answers from the cache",
		"es": "Solicitudes enviadas por esta celda: 1234 solicitudes (Dashboard 1, API de Wikimedia 1233); 36 respuestas de la caché",
		"fr": "Requêtes envoyées par cette cellule\u00a0: 1\u202f234 requêtes (Dashboard 1, API de Wikimedia 1\u202f233)\u202f; 36 réponses du cache",
		"pt": "Pedidos enviados por esta célula: 1.234 pedidos (Dashboard 1, API da Wikimedia 1.233); 36 respostas do cache",
	} {
		if got := requestsNote(lang, r); got != want {
			t.Errorf("%q: %q\nwant %q", lang, got, want)
		}
	}
	if got := requestsNote("", Requests{}); got != "Requests sent by this cell: 0 requests (Dashboard 0, Wikimedia API 0); 0 answers from the cache" {
		t.Errorf("nothing sent: %q", got)
	}
	if got := requestsNote("en", Requests{API: 1, APICached: 1}); got != "Requests sent by this cell: 1 request (Dashboard 0, Wikimedia API 1); 1 answer from the cache" {
		t.Errorf("one: %q", got)
	}
}
