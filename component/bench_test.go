package component_test

import (
	"context"
	"testing"
)

// BenchmarkAuthorizerToken is the hot path of every call made for an
// authorizer: a valid token served from memory.
func BenchmarkAuthorizerToken(b *testing.B) {
	_, c, _, _ := authorized(b)
	ts := c.Authorizer(authorizerAppID)
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := ts.Token(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkGetAuthorizerInfo is a component endpoint call through the fake
// server (HTTP on loopback).
func BenchmarkGetAuthorizerInfo(b *testing.B) {
	_, c, _, _ := authorized(b)
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.GetAuthorizerInfo(ctx, authorizerAppID); err != nil {
			b.Fatal(err)
		}
	}
}
