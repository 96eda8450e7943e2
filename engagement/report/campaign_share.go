package report

import (
	"fmt"
	"io"
	"path/filepath"

	"example.com/engagement/engagement/chart"
	"example.com/engagement/engagement/dataset"
)

// CampaignFiles are the paths WriteCampaign wrote: the report, the chart
// ("" when it could not be drawn) and the wikitext.
type CampaignFiles struct {
	HTML, Chart, Wikitext string
}

// WriteCampaign writes the campaign's chart (fig, or the reason figErr
// says it cannot be drawn, noted in the report), report.html and
// report.wikitext into dir.
func WriteCampaign(dir string, in CampaignInput, fig chart.Figure, figErr error) (CampaignFiles, error) {
	var out CampaignFiles
	var err error
	if out.Chart, err = addCampaignFigure(dir, &in, fig, figErr); err != nil {
		return out, err
	}
	out.HTML = filepath.Join(dir, "report.html")
	if err := dataset.WriteFile(out.HTML, func(w io.Writer) error { return WriteCampaignHTML(w, in) }); err != nil {
		return out, fmt.Errorf("writing the report: %w", err)
	}
	out.Wikitext = filepath.Join(dir, dataset.WikitextFile)
	if err := dataset.WriteFile(out.Wikitext, func(w io.Writer) error { return WriteCampaignWikitext(w, in) }); err != nil {
		return out, fmt.Errorf("writing the campaign's wikitext: %w", err)
	}
	return out, nil
}

// addCampaignFigure saves the events side by side (dataset.CampaignChartFile)
// into dir and adds it to in, returning its path; a chart that cannot be
// drawn is a note in in instead ("" returned).
func addCampaignFigure(dir string, in *CampaignInput, fig chart.Figure, err error) (string, error) {
	tr := orEnglish(in.Lang)
	var png, narrow []byte
	if err == nil {
		if png, err = fig.PNG(); err == nil {
			narrow, err = fig.NarrowPNG()
		}
	}
	if err != nil {
		in.Notes = append(in.Notes, tr.T("engagement-chart-left-out", dataset.CampaignChartFile, err.Error()))
		return "", nil
	}
	p := filepath.Join(dir, dataset.CampaignChartFile)
	if err := dataset.WriteFileBytes(p, png); err != nil {
		return "", fmt.Errorf("saving the chart: %w", err)
	}
	in.Figure = &Figure{Title: tr.T("engagement-campaign-events-heading"), Caption: tr.T("engagement-campaign-figure-caption"), PNG: png, Narrow: narrow}
	return p, nil
}
