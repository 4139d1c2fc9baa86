package work

import "context"

var (
	transferCustomer         = epPost("/cgi-bin/externalcontact/transfer_customer")
	transferResult           = epPost("/cgi-bin/externalcontact/transfer_result")
	transferGroupChat        = epPost("/cgi-bin/externalcontact/groupchat/onjob_transfer")
	transferUnassigned       = epPost("/cgi-bin/externalcontact/get_unassigned_list")
	resignedTransferCustomer = epPost("/cgi-bin/externalcontact/resigned/transfer_customer")
	resignedTransferResult   = epPost("/cgi-bin/externalcontact/resigned/transfer_result")
)

// MaxTransferCustomers is the number of customers per transfer.
const MaxTransferCustomers = 100

// CustomerTransfer moves customers from one member to another.
type CustomerTransfer struct {
	HandoverUserID  string   `json:"handover_userid"`
	TakeoverUserID  string   `json:"takeover_userid"`
	ExternalUserIDs []string `json:"external_userid"`
	// TransferSuccessMsg is shown to the customers (on-job transfers only).
	TransferSuccessMsg string `json:"transfer_success_msg,omitempty"`
}

// TransferOutcome is the immediate answer for one customer (errcode 0 if
// the transfer started).
type TransferOutcome struct {
	ExternalUserID string `json:"external_userid"`
	ErrCode        int    `json:"errcode"`
}

// TransferStatus is the state of one customer's transfer: Status 1 done,
// 2 waiting, 3 refused, 4 in progress, 5 taker over its limit.
type TransferStatus struct {
	ExternalUserID string `json:"external_userid"`
	Status         int    `json:"status"`
	TakeoverTime   int64  `json:"takeover_time"`
}

// TransferResultPage is one page of TransferResult.
type TransferResultPage struct {
	Customers  []TransferStatus `json:"customer"`
	NextCursor string           `json:"next_cursor"`
}

func (t *CustomerTransfer) check() error {
	if t == nil {
		return paramErr("handover_userid", "required")
	}
	if err := needB("handover_userid", t.HandoverUserID, "takeover_userid", t.TakeoverUserID); err != nil {
		return err
	}
	if len(t.ExternalUserIDs) == 0 || len(t.ExternalUserIDs) > MaxTransferCustomers {
		return paramErr("external_userid", "1 to 100 customers")
	}
	return nil
}

func (s *CustomerTransferService) transfer(ctx context.Context, t *CustomerTransfer, resigned bool) ([]TransferOutcome, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	ep := transferCustomer
	if resigned {
		ep = resignedTransferCustomer
		if t.TransferSuccessMsg != "" {
			return nil, paramErr("transfer_success_msg", "on-job transfers only")
		}
	}
	out, err := callB[struct {
		Customer []TransferOutcome `json:"customer"`
	}](ctx, s.c, ep, nil, t)
	if err != nil {
		return nil, err
	}
	return out.Customer, nil
}

func (s *CustomerTransferService) result(ctx context.Context, resigned bool, handover, takeover, cursor string) (*TransferResultPage, error) {
	if err := needB("handover_userid", handover, "takeover_userid", takeover); err != nil {
		return nil, err
	}
	ep := transferResult
	if resigned {
		ep = resignedTransferResult
	}
	body := struct {
		Handover string `json:"handover_userid"`
		Takeover string `json:"takeover_userid"`
		Cursor   string `json:"cursor,omitempty"`
	}{handover, takeover, cursor}
	return callB[TransferResultPage](ctx, s.c, ep, nil, body)
}

// TransferCustomers moves customers of a member still in the corp (在职继承).
// https://developer.work.weixin.qq.com/document/path/92125
func (s *CustomerTransferService) TransferCustomers(ctx context.Context, t *CustomerTransfer) ([]TransferOutcome, error) {
	return s.transfer(ctx, t, false)
}

// TransferResult returns one page of the state of on-job transfers.
// https://developer.work.weixin.qq.com/document/path/94088
func (s *CustomerTransferService) TransferResult(ctx context.Context, handoverUserID, takeoverUserID, cursor string) (*TransferResultPage, error) {
	return s.result(ctx, false, handoverUserID, takeoverUserID, cursor)
}

// TransferGroupChats gives chats of a member still in the corp to newOwner
// and returns the chats that failed.
// https://developer.work.weixin.qq.com/document/path/95703
func (s *CustomerTransferService) TransferGroupChats(ctx context.Context, chatIDs []string, newOwner string) ([]FailedChat, error) {
	return transferChats(ctx, (*service)(s), transferGroupChat, chatIDs, newOwner)
}

// UnassignedCustomer is a customer of a member who left.
type UnassignedCustomer struct {
	HandoverUserID string `json:"handover_userid"`
	ExternalUserID string `json:"external_userid"`
	DimissionTime  int64  `json:"dimission_time"`
}

// UnassignedPage is one page of Unassigned.
type UnassignedPage struct {
	Info       []UnassignedCustomer `json:"info"`
	IsLast     bool                 `json:"is_last"`
	NextCursor string               `json:"next_cursor"`
}

// Unassigned returns one page (pageSize up to 1000, 0 for the default) of
// the customers of members who left.
// https://developer.work.weixin.qq.com/document/path/92124
func (s *CustomerTransferService) Unassigned(ctx context.Context, cursor string, pageSize int) (*UnassignedPage, error) {
	if pageSize < 0 || pageSize > 1000 {
		return nil, paramErr("page_size", "at most 1000")
	}
	body := struct {
		Cursor   string `json:"cursor,omitempty"`
		PageSize int    `json:"page_size,omitempty"`
	}{cursor, pageSize}
	return callB[UnassignedPage](ctx, s.c, transferUnassigned, nil, body)
}

// ResignedTransferCustomers moves customers of a member who left (离职继承).
// https://developer.work.weixin.qq.com/document/path/94081
func (s *CustomerTransferService) ResignedTransferCustomers(ctx context.Context, t *CustomerTransfer) ([]TransferOutcome, error) {
	return s.transfer(ctx, t, true)
}

// ResignedTransferResult returns one page of the state of resigned transfers.
// https://developer.work.weixin.qq.com/document/path/94082
func (s *CustomerTransferService) ResignedTransferResult(ctx context.Context, handoverUserID, takeoverUserID, cursor string) (*TransferResultPage, error) {
	return s.result(ctx, true, handoverUserID, takeoverUserID, cursor)
}

// ResignedTransferGroupChats gives chats of members who left to newOwner;
// it is CustomerGroupChatService.ResignedTransfer.
// https://developer.work.weixin.qq.com/document/path/92127
func (s *CustomerTransferService) ResignedTransferGroupChats(ctx context.Context, chatIDs []string, newOwner string) ([]FailedChat, error) {
	return transferChats(ctx, (*service)(s), groupChatTransfer, chatIDs, newOwner)
}
