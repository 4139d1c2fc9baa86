package pay

import (
	"context"
	"iter"

	"github.com/weixin-go/wechat"
)

// argError reports an argument rejected before anything is sent.
func argError(arg, reason string) error {
	return &wechat.ArgumentError{Pkg: "pay", Arg: arg, Reason: reason}
}

// encryptFields encrypts the non-empty fields in place with the WeChat Pay
// key and returns the serial to send as Wechatpay-Serial ("" when every
// field was empty and nothing was encrypted).
func (c *Client) encryptFields(ctx context.Context, fields ...*string) (string, error) {
	need := false
	for _, f := range fields {
		need = need || *f != ""
	}
	if !need {
		return "", nil
	}
	pub, serial, err := c.encryptionKey(ctx)
	if err != nil {
		return "", err
	}
	for _, f := range fields {
		if *f == "" {
			continue
		}
		if *f, err = encryptOAEP(pub, *f); err != nil {
			return "", err
		}
	}
	return serial, nil
}

// postSealed encrypts fields of body (plain text, in place: body must be
// the caller's copy) with encryptFields and POSTs body to path with the
// Wechatpay-Serial header of the key used.
func postSealed[T any](ctx context.Context, c *Client, path string, body any, fields ...*string) (*T, error) {
	serial, err := c.encryptFields(ctx, fields...)
	if err != nil {
		return nil, err
	}
	rq := post(path, body)
	rq.serial = serial
	return call[T](ctx, c, rq)
}

// pages yields the items of successive offset/limit pages fetched by fetch,
// stopping after a short page, at the first error, or when the consumer
// stops.
func offsetSeq[T any](limit int, fetch func(offset int) ([]T, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for offset := 0; ; {
			items, err := fetch(offset)
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) < limit {
				return
			}
			offset += len(items)
		}
	}
}
