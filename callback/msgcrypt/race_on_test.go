//go:build race

package msgcrypt

const raceEnabled = true
