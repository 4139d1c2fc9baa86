package main

import (
	"context"
	"io"
)

// demoCallback shows the callback side; filled in once the callback package lands.
func demoCallback(ctx context.Context, w io.Writer) error { return nil }
