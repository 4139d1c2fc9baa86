// Package bench compares the SDK with other Go WeChat SDKs. It is a separate
// module so that the SDK's own go.mod stays lean. Run: cd bench && go test -bench . -benchmem
package bench
