package sample

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// campaignRoles are the role names of the Dashboard's campaign users.json.
var campaignRoles = map[int]string{0: "Editor", 1: "Facilitator", 2: "Campus Volunteer", 3: "Online Volunteer", 4: "Wiki Education Staff"}

type campaignEntry struct {
	Course   string `json:"course"`
	Role     string `json:"role"`
	Username string `json:"username"`
}

// WriteCampaign writes dir as a campaign folder of n events made from the
// event (campaign.json, users.json and courses/Sample_Library/Part_<k>_of_<n>/
// course.json and users.json, as the Dashboard serves them): events held
// at the same time on the same wikis (as a campaign's local edit-a-thons
// on one weekend), the editors shared out in turn, every seventh of them in the next event too (so they return), and
// the facilitators and staff in every event. With the event's contributions.csv and accounts.csv it is
// re-analysed offline (-campaign DIR -from the event's folder).
func (ev *Event) WriteCampaign(dir string, n int) error {
	if n < 1 {
		return fmt.Errorf("sample: a campaign of %d events", n)
	}
	files, err := ev.DashboardFiles()
	if err != nil {
		return err
	}
	var users struct {
		Course struct {
			Users []json.RawMessage `json:"users"`
		} `json:"course"`
	}
	if err := json.Unmarshal(files["users.json"], &users); err != nil {
		return err
	}
	const slug = "sample_library_campaign"
	var all []campaignEntry
	for k := 0; k < n; k++ {
		course := fmt.Sprintf("Sample_Library/Part_%0*d_of_%d", len(fmt.Sprint(n)), k+1, n)
		mine, entries, err := courseUsers(users.Course.Users, course, k, n)
		if err != nil {
			return err
		}
		all = append(all, entries...)
		if err := writeCampaignCourse(dir, course, k, n, files["course.json"], mine); err != nil {
			return err
		}
	}
	head := map[string]any{"campaign": map[string]any{"id": 1, "title": "Sample Library campaign", "slug": slug, "courses_count": fmt.Sprint(n)}}
	if err := writeJSON(filepath.Join(dir, "campaign.json"), head); err != nil {
		return err
	}
	return writeJSON(filepath.Join(dir, "users.json"), map[string]any{"campaign": slug, "users": all})
}

// courseUsers picks event k's enrolments: editor i when i%n == k, or when
// i%7 == 0 and (i+1)%n == k (a returning editor); everyone else always.
func courseUsers(users []json.RawMessage, course string, k, n int) ([]json.RawMessage, []campaignEntry, error) {
	var mine []json.RawMessage
	var entries []campaignEntry
	for i, raw := range users {
		var u struct {
			Username string `json:"username"`
			Role     int    `json:"role"`
		}
		if err := json.Unmarshal(raw, &u); err != nil {
			return nil, nil, err
		}
		if u.Role == 0 && i%n != k && (i%7 != 0 || (i+1)%n != k) {
			continue
		}
		mine = append(mine, raw)
		entries = append(entries, campaignEntry{course, campaignRoles[u.Role], u.Username})
	}
	return mine, entries, nil
}

// writeCampaignCourse writes one event's course.json (the event's, with
// its own slug and title) and users.json.
func writeCampaignCourse(dir, course string, k, n int, courseJSON []byte, users []json.RawMessage) error {
	var c map[string]map[string]any
	if err := json.Unmarshal(courseJSON, &c); err != nil {
		return err
	}
	c["course"]["slug"] = course
	c["course"]["title"] = fmt.Sprintf("%v, part %d of %d", c["course"]["title"], k+1, n)
	c["course"]["student_count"] = len(users)
	cdir := filepath.Join(dir, "courses", filepath.FromSlash(course))
	if err := os.MkdirAll(cdir, 0o755); err != nil {
		return err
	}
	if err := writeJSON(filepath.Join(cdir, "course.json"), c); err != nil {
		return err
	}
	return writeJSON(filepath.Join(cdir, "users.json"), map[string]any{"course": map[string]any{"users": users}})
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}
