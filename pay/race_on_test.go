//go:build race

package pay_test

const raceEnabled = true
