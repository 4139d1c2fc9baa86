package channels

import (
	"context"
	"net/url"

	wechat "github.com/weixin-go/wechat"
)

// InvalidArgumentError is returned, before any request is sent, when an
// argument breaks a documented WeChat rule (empty product id, page size out
// of range...). It never contains credentials.
type InvalidArgumentError = wechat.ArgumentError

func invalidArg(arg, reason string) error {
	return &wechat.ArgumentError{Pkg: "channels", Arg: arg, Reason: reason}
}

// required returns an *InvalidArgumentError for the first empty value of
// the name/value pairs.
func required(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		if pairs[i+1] == "" {
			return invalidArg(pairs[i], "empty")
		}
	}
	return nil
}

// call sends body to ep and decodes the answer into a new T.
func call[T any](ctx context.Context, c *wechat.Client, ep wechat.Endpoint, q url.Values, body any) (*T, error) {
	out := new(T)
	if err := c.Do(ctx, ep, q, body, out); err != nil {
		return nil, err
	}
	return out, nil
}

// byID returns the request body {key: id}, or an *InvalidArgumentError
// for an empty id.
func byID(key, id string) (map[string]string, error) {
	if err := required(key, id); err != nil {
		return nil, err
	}
	return map[string]string{key: id}, nil
}
