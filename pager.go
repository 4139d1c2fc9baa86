package wechat

import (
	"context"
	"iter"
)

// CursorPages iterates over a list WeChat pages with a cursor (such as
// next_openid): fetch returns one page and the next cursor; an empty page or
// an empty next cursor ends the iteration. The first error is yielded and
// ends it.
func CursorPages[T any](ctx context.Context, first string, fetch func(ctx context.Context, cursor string) (items []T, next string, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		cursor := first
		for {
			items, next, err := fetch(ctx, cursor)
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
			if len(items) == 0 || next == "" || next == cursor {
				return
			}
			cursor = next
		}
	}
}

// OffsetPages iterates over a list WeChat pages with offset and count (such
// as material/batchget_material): fetch returns one page and the total; the
// iteration ends after total items or at an empty page.
func OffsetPages[T any](ctx context.Context, pageSize int, fetch func(ctx context.Context, offset, count int) (items []T, total int, err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		offset := 0
		for {
			items, total, err := fetch(ctx, offset, pageSize)
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
			offset += len(items)
			if len(items) == 0 || offset >= total {
				return
			}
		}
	}
}
