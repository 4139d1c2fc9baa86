//go:build !race

package msgcrypt

const raceEnabled = false
