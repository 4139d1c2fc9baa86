package pay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/weixin-go/wechat"
)

// Notification event types.
const (
	EventTransactionSuccess = "TRANSACTION.SUCCESS"
	EventRefundSuccess      = "REFUND.SUCCESS"
	EventRefundAbnormal     = "REFUND.ABNORMAL"
	EventRefundClosed       = "REFUND.CLOSED"
)

// ErrMalformedNotification reports a notification body that is not the
// documented JSON envelope.
var ErrMalformedNotification = errors.New("pay: malformed notification")

// NotificationResource is the encrypted resource of a notification.
type NotificationResource struct {
	OriginalType   string `json:"original_type"`
	Algorithm      string `json:"algorithm"`
	Ciphertext     string `json:"ciphertext"`
	AssociatedData string `json:"associated_data"`
	Nonce          string `json:"nonce"`
}

// Notification is a verified and decrypted WeChat Pay notification.
//
// See https://pay.weixin.qq.com/docs/merchant/apis/jsapi-payment/payment-notice.html
type Notification struct {
	ID           string               `json:"id"`
	CreateTime   string               `json:"create_time"`
	EventType    string               `json:"event_type"`
	ResourceType string               `json:"resource_type"`
	Summary      string               `json:"summary"`
	Resource     NotificationResource `json:"resource"`
	// Plaintext is the decrypted resource (JSON).
	Plaintext []byte `json:"-"`
}

// Decode unmarshals the decrypted resource into v.
func (n *Notification) Decode(v any) error {
	if err := json.Unmarshal(n.Plaintext, v); err != nil {
		return fmt.Errorf("%w: resource: %v", ErrMalformedNotification, err)
	}
	return nil
}

// Transaction decodes a payment notification (TRANSACTION.SUCCESS).
func (n *Notification) Transaction() (*Transaction, error) {
	t := new(Transaction)
	return t, n.Decode(t)
}

// CombineTransaction decodes a combined payment notification.
func (n *Notification) CombineTransaction() (*CombineTransaction, error) {
	t := new(CombineTransaction)
	return t, n.Decode(t)
}

// RefundNotification is the decrypted resource of a refund notification
// (REFUND.SUCCESS, REFUND.ABNORMAL, REFUND.CLOSED).
//
// See https://pay.weixin.qq.com/docs/merchant/apis/refund/refunds/refund-result-notice.html
type RefundNotification struct {
	MchID               string `json:"mchid"`
	OutTradeNo          string `json:"out_trade_no"`
	TransactionID       string `json:"transaction_id"`
	OutRefundNo         string `json:"out_refund_no"`
	RefundID            string `json:"refund_id"`
	RefundStatus        string `json:"refund_status"`
	SuccessTime         string `json:"success_time,omitempty"`
	UserReceivedAccount string `json:"user_received_account"`
	Amount              struct {
		Total       int64 `json:"total"`
		Refund      int64 `json:"refund"`
		PayerTotal  int64 `json:"payer_total"`
		PayerRefund int64 `json:"payer_refund"`
	} `json:"amount"`
}

// Refund decodes a refund notification.
func (n *Notification) Refund() (*RefundNotification, error) {
	r := new(RefundNotification)
	return r, n.Decode(r)
}

// ParseNotification verifies a notification (signature headers, timestamp
// window, serial in either verification mode), decodes its envelope and
// decrypts its AES-256-GCM resource. body is the raw request body.
func (c *Client) ParseNotification(ctx context.Context, h http.Header, body []byte) (*Notification, error) {
	if err := c.verify(ctx, headersOf(h), body); err != nil {
		return nil, err
	}
	return c.decodeNotification(body)
}

// decodeNotification decodes the envelope of an authenticated notification
// and decrypts its resource.
func (c *Client) decodeNotification(body []byte) (*Notification, error) {
	n := new(Notification)
	if err := json.Unmarshal(body, n); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedNotification, err)
	}
	if n.ID == "" || n.EventType == "" {
		return nil, fmt.Errorf("%w: missing id or event_type", ErrMalformedNotification)
	}
	r := &n.Resource
	pt, err := c.decryptAEAD(r.Algorithm, r.Nonce, r.AssociatedData, r.Ciphertext)
	if err != nil {
		return nil, err
	}
	n.Plaintext = pt
	return n, nil
}

// ParseNotificationRequest reads (at most 1 MiB of) r's body and calls
// ParseNotification.
func (c *Client) ParseNotificationRequest(r *http.Request) (*Notification, error) {
	body, err := readLimited(r.Body, r.ContentLength, 1<<20)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrMalformedNotification, err)
	}
	return c.ParseNotification(r.Context(), r.Header, body)
}

// NotifyHandler is an http.Handler for WeChat Pay notifications. It limits
// the body size, verifies and decrypts the notification, calls the matching
// function, and answers WeChat Pay as documented: 204 on success, 4xx/5xx
// with {"code":"FAIL","message":...} otherwise so that WeChat Pay retries.
//
// Retries of an already handled notification (same id) are acknowledged
// without calling the function again. A notification is marked handled only
// after its function returned nil; while it is being handled, its id holds
// a short lease (LeaseTTL, renewed while the function runs) and other
// deliveries of it get 503, so that WeChat Pay retries until one handling
// succeeded, also when the instance handling it dies. Share the Store
// between instances (the Client's store by default).
//
// An authenticated notification whose resource does not decode into the
// type its event promises (a format change on WeChat Pay's side) is not
// answered with an error forever: it is handed to OnOther as a raw
// notification (n.Plaintext holds the decrypted JSON); without OnOther it
// is logged at Error level and acknowledged.
//
// Rejected notifications (bad signature, stale timestamp, wrong API v3
// key, malformed body) are logged at Warn level to the Client's logger
// (pay.WithLogger, default slog.Default()).
//
// Mount it on the notify_url path given when creating orders and refunds,
// behind an http.Server with ReadHeaderTimeout, ReadTimeout, WriteTimeout
// and IdleTimeout set.
type NotifyHandler struct {
	// Client verifies and decrypts (required).
	Client *Client
	// OnTransaction handles TRANSACTION.* payment notifications.
	OnTransaction func(ctx context.Context, n *Notification, t *Transaction) error
	// OnCombineTransaction handles combined payment notifications (the
	// resource has combine_out_trade_no); when nil they go to OnOther.
	OnCombineTransaction func(ctx context.Context, n *Notification, t *CombineTransaction) error
	// OnRefund handles REFUND.* notifications.
	OnRefund func(ctx context.Context, n *Notification, r *RefundNotification) error
	// OnOther handles other event types, and notifications whose resource
	// does not decode into the type of their event; when nil they are
	// acknowledged and logged.
	OnOther func(ctx context.Context, n *Notification) error
	// MaxBodySize bounds the request body (default 1 MiB).
	MaxBodySize int64
	// Store keeps de-duplication marks (default: the Client's store).
	Store wechat.Store
	// DedupTTL is how long a handled id is remembered (default 48h; WeChat
	// Pay retries for about 24h).
	DedupTTL time.Duration
	// LeaseTTL is the lifetime of the mark of a notification being handled
	// (default wechat.DefaultLeaseTTL), renewed while the function runs: a
	// notification whose instance died is handled again by a retry after
	// at most LeaseTTL.
	LeaseTTL time.Duration
}

// markDone is the payload of a handled notification's key.
var markDone = []byte("done")

func writeFail(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	b, _ := json.Marshal(struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}{"FAIL", msg})
	_, _ = w.Write(b)
}

// ServeHTTP implements http.Handler.
func (h *NotifyHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	c := h.Client
	if c == nil {
		writeFail(w, http.StatusInternalServerError, "notification handler not configured")
		return
	}
	reject := func(status int, reason string, err error) {
		attrs := []slog.Attr{slog.Int("status", status), slog.String("reason", reason), slog.String("remote", r.RemoteAddr)}
		if err != nil {
			attrs = append(attrs, slog.String("error", err.Error()))
		}
		c.log.LogAttrs(ctx, slog.LevelWarn, "pay: notification rejected", attrs...)
		writeFail(w, status, reason)
	}
	if r.Method != http.MethodPost {
		reject(http.StatusMethodNotAllowed, "method not allowed", nil)
		return
	}
	// Cheap checks before reading the body: the signature headers and the
	// timestamp window.
	hdrs := headersOf(r.Header)
	if err := c.checkFresh(hdrs); err != nil {
		reject(http.StatusUnauthorized, "notification verification failed", err)
		return
	}
	limit := h.MaxBodySize
	if limit <= 0 {
		limit = 1 << 20
	}
	body, err := readLimited(http.MaxBytesReader(w, r.Body, limit), r.ContentLength, limit)
	if err != nil {
		reject(http.StatusRequestEntityTooLarge, "body too large or unreadable", err)
		return
	}
	n, err := c.ParseNotification(ctx, r.Header, body)
	if err != nil {
		status := http.StatusUnauthorized
		if errors.Is(err, ErrMalformedNotification) || errors.Is(err, ErrDecrypt) {
			status = http.StatusBadRequest
		}
		reject(status, "notification verification failed", err)
		return
	}
	store := h.Store
	if store == nil {
		store = c.store
	}
	key := wechat.StoreKey("pay:"+c.mchid, "notify:"+n.ID)
	lease, v, err := wechat.ClaimDelivery(ctx, store, key, h.LeaseTTL)
	switch {
	case err != nil:
		// The store is down: de-duplication is lost for this delivery, the
		// notification is not. The handler runs; it must be idempotent
		// anyway, since WeChat Pay may deliver a notification more than once.
		c.log.LogAttrs(ctx, slog.LevelError, "pay: notification store unavailable, handling without de-duplication",
			slog.String("id", n.ID), slog.String("error", err.Error()))
	case lease == nil && string(v) == string(markDone):
		w.WriteHeader(http.StatusNoContent) // already handled: a retry
		return
	case lease == nil:
		// Being handled elsewhere (or a mark this version does not know):
		// not acknowledged before a handling succeeded.
		writeFail(w, http.StatusServiceUnavailable, "notification is being processed")
		return
	}
	if err := h.dispatch(ctx, n); err != nil {
		if lease != nil {
			if err := lease.Release(ctx); err != nil {
				c.log.LogAttrs(ctx, slog.LevelWarn, "pay: notification store failed to release a failed notification",
					slog.String("id", n.ID), slog.String("error", err.Error()))
			}
		}
		c.log.LogAttrs(ctx, slog.LevelError, "pay: notification handler failed",
			slog.String("id", n.ID), slog.String("event_type", n.EventType), slog.String("error", err.Error()))
		writeFail(w, http.StatusInternalServerError, "handler failed")
		return
	}
	ttl := h.DedupTTL
	if ttl <= 0 {
		ttl = 48 * time.Hour
	}
	if lease != nil {
		if err := lease.Done(ctx, markDone, ttl); err != nil {
			c.log.LogAttrs(ctx, slog.LevelWarn, "pay: marking notification handled", slog.String("error", err.Error()))
		}
	}
	w.WriteHeader(http.StatusNoContent)
}

// errUndecodable wraps a resource that does not decode into the type of its
// event; dispatch hands such a notification to OnOther.
type errUndecodable struct{ err error }

func (e errUndecodable) Error() string { return e.err.Error() }

func (h *NotifyHandler) dispatch(ctx context.Context, n *Notification) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pay: notification handler panicked: %v", p)
		}
	}()
	err = h.dispatchTyped(ctx, n)
	var u errUndecodable
	if !errors.As(err, &u) {
		return err
	}
	// Retrying cannot fix the resource: hand it over raw rather than
	// answering 500 to every retry for a day.
	if h.OnOther != nil {
		return h.OnOther(ctx, n)
	}
	h.Client.log.LogAttrs(ctx, slog.LevelError, "pay: notification resource does not decode; acknowledged without a handler (set NotifyHandler.OnOther)",
		slog.String("id", n.ID), slog.String("event_type", n.EventType), slog.String("error", u.err.Error()))
	return nil
}

// decodeAs decodes n's resource into v, marking a failure as undecodable.
func decodeAs(n *Notification, v any) error {
	if err := n.Decode(v); err != nil {
		return errUndecodable{err}
	}
	return nil
}

func (h *NotifyHandler) dispatchTyped(ctx context.Context, n *Notification) error {
	switch {
	case len(n.EventType) >= 12 && n.EventType[:12] == "TRANSACTION.":
		var probe struct {
			CombineOutTradeNo string `json:"combine_out_trade_no"`
		}
		if err := decodeAs(n, &probe); err != nil {
			return err
		}
		if probe.CombineOutTradeNo != "" {
			if h.OnCombineTransaction != nil {
				t := new(CombineTransaction)
				if err := decodeAs(n, t); err != nil {
					return err
				}
				return h.OnCombineTransaction(ctx, n, t)
			}
			break
		}
		if h.OnTransaction != nil {
			t := new(Transaction)
			if err := decodeAs(n, t); err != nil {
				return err
			}
			return h.OnTransaction(ctx, n, t)
		}
	case len(n.EventType) >= 7 && n.EventType[:7] == "REFUND.":
		if h.OnRefund != nil {
			r := new(RefundNotification)
			if err := decodeAs(n, r); err != nil {
				return err
			}
			return h.OnRefund(ctx, n, r)
		}
	}
	if h.OnOther != nil {
		return h.OnOther(ctx, n)
	}
	h.Client.log.LogAttrs(ctx, slog.LevelWarn, "pay: unhandled notification acknowledged",
		slog.String("id", n.ID), slog.String("event_type", n.EventType))
	return nil
}
