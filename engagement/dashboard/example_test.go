package dashboard_test

import (
	"fmt"

	"example.com/engagement/engagement/dashboard"
)

func ExampleParseCourse() {
	ref, err := dashboard.ParseCourse("https://outreachdashboard.wmflabs.org/courses/CEPID_NeuroMat/Introdução_ao_Jornalismo_Científico/home")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ref.Slug)
	fmt.Println(ref.JSONURL("users"))
	_, err = dashboard.ParseCourse("https://example.org/courses/A/B")
	fmt.Println(err)
	// Output:
	// CEPID_NeuroMat/Introdução_ao_Jornalismo_Científico
	// https://outreachdashboard.wmflabs.org/courses/CEPID_NeuroMat/Introdu%C3%A7%C3%A3o_ao_Jornalismo_Cient%C3%ADfico/users.json
	// course URL "https://example.org/courses/A/B": host "example.org" is not a Dashboard; expected outreachdashboard.wmflabs.org or dashboard.wikiedu.org
}

func ExampleParticipants() {
	users := []dashboard.User{
		{Username: "jane_doe", Role: dashboard.RoleStudent},
		{Username: "Jane doe", Role: dashboard.RoleStudent},
		{Username: "Trainer", Role: dashboard.RoleStudent},
		{Username: "Trainer", Role: dashboard.RoleInstructor},
	}
	for _, p := range dashboard.Participants(users) {
		fmt.Printf("%s enrolled as %q excluded=%q reason=%q\n", p.Username, p.Enrolled, p.Excluded, p.Reason)
	}
	// Output:
	// Jane doe enrolled as ["jane_doe" "Jane doe"] excluded="" reason=""
	// Trainer enrolled as ["Trainer"] excluded="facilitator" reason="also enrolled as facilitator"
}
