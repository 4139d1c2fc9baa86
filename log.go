package wechat

import (
	"log/slog"
	"time"
)

const (
	levelDebug = slog.LevelDebug
	levelWarn  = slog.LevelWarn
)

func attrEP(ep Endpoint) slog.Attr      { return slog.String("endpoint", ep.Method+" "+ep.Path) }
func attrErr(err error) slog.Attr       { return slog.String("error", err.Error()) }
func attrInt(k string, v int) slog.Attr { return slog.Int(k, v) }
func attrStr(k, v string) slog.Attr     { return slog.String(k, v) }
func attrDur(d time.Duration) slog.Attr { return slog.Duration("duration", d) }
