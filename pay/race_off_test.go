//go:build !race

package pay_test

const raceEnabled = false
