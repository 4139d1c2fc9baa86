package pay

import (
	"encoding/json"
	"strconv"
)

// Error is a verified WeChat Pay v3 error response (HTTP 4xx/5xx with a JSON
// body {"code","message","detail"}). Use errors.As to inspect it.
//
// See https://pay.weixin.qq.com/docs/merchant/development/interface-rules/basic-rules.html
type Error struct {
	// StatusCode is the HTTP status.
	StatusCode int `json:"-"`
	// RequestID is the Request-ID response header; quote it to WeChat Pay
	// support.
	RequestID string `json:"-"`
	// Code is the error code, for example PARAM_ERROR, SIGN_ERROR,
	// ORDERPAID, NOT_ENOUGH, ORDER_NOT_EXIST, SYSTEM_ERROR.
	Code string `json:"code"`
	// Message describes the error.
	Message string `json:"message"`
	// Detail is the optional "detail" object (field, value, issue, location).
	Detail json.RawMessage `json:"detail,omitempty"`
}

func (e *Error) Error() string {
	s := "pay: HTTP " + strconv.Itoa(e.StatusCode) + " " + e.Code + ": " + e.Message
	if e.RequestID != "" {
		s += " (request id " + e.RequestID + ")"
	}
	return s
}

// Temporary reports whether WeChat Pay asks the caller to retry later with
// the same parameters (SYSTEM_ERROR, FREQUENCY_LIMITED, BANKERROR, HTTP 5xx).
func (e *Error) Temporary() bool {
	switch e.Code {
	case "SYSTEM_ERROR", "FREQUENCY_LIMITED", "BANKERROR", "FREQUENCY_LIMIT_EXCEED":
		return true
	}
	return e.StatusCode >= 500
}

func parseError(status int, reqID string, body []byte) error {
	e := &Error{StatusCode: status, RequestID: reqID}
	if len(body) > 0 && json.Unmarshal(body, e) != nil {
		e.Code = "UNPARSEABLE_ERROR"
		e.Message = "non-JSON error body"
	}
	if e.Code == "" {
		e.Code = "HTTP_" + strconv.Itoa(status)
	}
	return e
}

// ResponseVerificationError reports a response (success or error) whose
// signature could not be verified; its content must not be trusted. Err is
// one of the Err* verification errors (use errors.Is).
type ResponseVerificationError struct {
	StatusCode int
	RequestID  string
	Err        error
}

func (e *ResponseVerificationError) Error() string {
	s := "pay: HTTP " + strconv.Itoa(e.StatusCode) + " response rejected: " + e.Err.Error()
	if e.RequestID != "" {
		s += " (request id " + e.RequestID + ")"
	}
	return s
}

func (e *ResponseVerificationError) Unwrap() error { return e.Err }
