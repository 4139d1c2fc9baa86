package pay_test

import (
	"net/http"
	"testing"

	"github.com/weixin-go/wechat/pay"
)

func TestSubjectConfirmFlow(t *testing.T) {
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			srv := newServer(t, m.server)
			c := newClient(t, srv, m.client)
			id := srv.AddSubjectApplyment("1900013511_10000")

			a, err := c.SubjectConfirm.ByBusinessCode(ctx(t), "1900013511_10000")
			if err != nil {
				t.Fatal(err)
			}
			if *a != (pay.SubjectApplyment{ApplymentState: pay.SubjectWaitingForAudit}) {
				t.Errorf("submitted: %+v", a)
			}

			srv.SetSubjectApplymentState("1900013511_10000", string(pay.SubjectWaitingForConfirmContact))
			a, err = c.SubjectConfirm.ByID(ctx(t), id)
			if err != nil {
				t.Fatal(err)
			}
			if a.ApplymentState != pay.SubjectWaitingForConfirmContact || a.QrcodeData == "" {
				t.Errorf("waiting for the contact: %+v", a)
			}

			srv.SetSubjectApplymentState("1900013511_10000", string(pay.SubjectRejected))
			a, err = c.SubjectConfirm.ByBusinessCode(ctx(t), "1900013511_10000")
			if err != nil {
				t.Fatal(err)
			}
			if a.ApplymentState != pay.SubjectRejected || a.RejectParam != "id_card_number" || a.RejectReason == "" || a.QrcodeData != "" {
				t.Errorf("rejected: %+v", a)
			}

			if err := c.SubjectConfirm.CancelByBusinessCode(ctx(t), "1900013511_10000"); err != nil {
				t.Fatal(err)
			}
			a, err = c.SubjectConfirm.ByID(ctx(t), id)
			if err != nil || a.ApplymentState != pay.SubjectCanceled || a.RejectReason != "" {
				t.Errorf("canceled: %+v %v", a, err)
			}
		})
	}
}

func TestSubjectConfirmCancelByID(t *testing.T) {
	srv := newServer(t, 0)
	c := newClient(t, srv, pay.VerifyCertificates)
	id := srv.AddSubjectApplyment("1900013511_10001")
	if err := c.SubjectConfirm.CancelByID(ctx(t), id); err != nil {
		t.Fatal(err)
	}
	a, err := c.SubjectConfirm.ByBusinessCode(ctx(t), "1900013511_10001")
	if err != nil || a.ApplymentState != pay.SubjectCanceled {
		t.Errorf("canceled: %+v %v", a, err)
	}

	// A passed application cannot be canceled; an unknown one is not found.
	srv.AddSubjectApplyment("1900013511_10002")
	srv.SetSubjectApplymentState("1900013511_10002", string(pay.SubjectPassed))
	wantPayError(t, c.SubjectConfirm.CancelByBusinessCode(ctx(t), "1900013511_10002"), http.StatusBadRequest, "INVALID_REQUEST")
	wantPayError(t, c.SubjectConfirm.CancelByID(ctx(t), 42), http.StatusNotFound, "RESOURCE_NOT_EXISTS")
	_, err = c.SubjectConfirm.ByBusinessCode(ctx(t), "nope")
	wantPayError(t, err, http.StatusNotFound, "RESOURCE_NOT_EXISTS")

	wantArg(t, c.SubjectConfirm.CancelByID(ctx(t), 0))
	wantArg(t, c.SubjectConfirm.CancelByBusinessCode(ctx(t), ""))
	_, err = c.SubjectConfirm.ByID(ctx(t), -1)
	wantArg(t, err)
	_, err = c.SubjectConfirm.ByBusinessCode(ctx(t), "")
	wantArg(t, err)
}

func TestSubjectConfirmAuthorizeState(t *testing.T) {
	srv := newServer(t, 0)
	c := newClient(t, srv, pay.VerifyCertificates)
	st, err := c.SubjectConfirm.AuthorizeState(ctx(t), "20001111")
	if err != nil || st != pay.AuthorizeStateUnauthorized {
		t.Fatalf("before: %q %v", st, err)
	}
	srv.SetSubjectAuthorized("20001111", true)
	st, err = c.SubjectConfirm.AuthorizeState(ctx(t), "20001111")
	if err != nil || st != pay.AuthorizeStateAuthorized {
		t.Fatalf("after: %q %v", st, err)
	}
	_, err = c.SubjectConfirm.AuthorizeState(ctx(t), "")
	wantArg(t, err)
}
