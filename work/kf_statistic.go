package work

import (
	"context"

	wechat "github.com/weixin-go/wechat"
)

var (
	kfCorpStatistic     = epPost("/cgi-bin/kf/get_corp_statistic")
	kfServicerStatistic = epPost("/cgi-bin/kf/get_servicer_statistic")
)

// MaxKFStatisticDays is the longest range, both days counted, of one
// statistics query.
const MaxKFStatisticDays = 31

// KFStatisticQuery selects an account's statistics: StartTime and EndTime
// are the Unix times of the first and last day (midnight Beijing time; WeCom
// rounds down), at most 31 days apart, yesterday back to 180 days ago.
// ServicerUserID, for ServicerStatistic only, restricts to one servicer.
type KFStatisticQuery struct {
	OpenKfID       string `json:"open_kfid"`
	ServicerUserID string `json:"servicer_userid,omitempty"`
	StartTime      int64  `json:"start_time"`
	EndTime        int64  `json:"end_time"`
}

// KFStatistic is one day of statistics; fields WeCom could not compute are
// absent (zero). The AI* fields are answered by CorpStatistic, ReplyRate to
// the Satisfaction and UpgradeServiceMember/GroupChat fields by
// ServicerStatistic.
type KFStatistic struct {
	SessionCnt                         int64   `json:"session_cnt"`
	CustomerCnt                        int64   `json:"customer_cnt"`
	CustomerMsgCnt                     int64   `json:"customer_msg_cnt"`
	UpgradeServiceCustomerCnt          int64   `json:"upgrade_service_customer_cnt"`
	AISessionReplyCnt                  int64   `json:"ai_session_reply_cnt,omitempty"`
	AITransferRate                     float64 `json:"ai_transfer_rate,omitempty"`
	AIKnowledgeHitRate                 float64 `json:"ai_knowledge_hit_rate,omitempty"`
	MsgRejectedCustomerCnt             int64   `json:"msg_rejected_customer_cnt"`
	ReplyRate                          float64 `json:"reply_rate,omitempty"`
	FirstReplyAverageSec               float64 `json:"first_reply_average_sec,omitempty"`
	SatisfactionInvestgateCnt          int64   `json:"satisfaction_investgate_cnt,omitempty"`
	SatisfactionParticipationRate      float64 `json:"satisfaction_participation_rate,omitempty"`
	SatisfiedRate                      float64 `json:"satisfied_rate,omitempty"`
	MiddlingRate                       float64 `json:"middling_rate,omitempty"`
	DissatisfiedRate                   float64 `json:"dissatisfied_rate,omitempty"`
	UpgradeServiceMemberInviteCnt      int64   `json:"upgrade_service_member_invite_cnt,omitempty"`
	UpgradeServiceMemberCustomerCnt    int64   `json:"upgrade_service_member_customer_cnt,omitempty"`
	UpgradeServiceGroupChatInviteCnt   int64   `json:"upgrade_service_groupchat_invite_cnt,omitempty"`
	UpgradeServiceGroupChatCustomerCnt int64   `json:"upgrade_service_groupchat_customer_cnt,omitempty"`
}

// KFDayStatistic is the statistics of the day starting at StatTime;
// Statistic is nil for a day without data (or not computed yet).
type KFDayStatistic struct {
	StatTime  int64        `json:"stat_time"`
	Statistic *KFStatistic `json:"statistic,omitempty"`
}

func (s *KFStatisticService) get(ctx context.Context, ep wechat.Endpoint, q KFStatisticQuery) ([]KFDayStatistic, error) {
	if err := needB("open_kfid", q.OpenKfID); err != nil {
		return nil, err
	}
	if q.StartTime <= 0 || q.EndTime < q.StartTime {
		return nil, paramErr("start_time", "invalid period")
	}
	if q.EndTime-q.StartTime > (MaxKFStatisticDays-1)*86400 {
		return nil, paramErr("end_time", "at most 31 days")
	}
	out, err := callB[struct {
		StatisticList []KFDayStatistic `json:"statistic_list"`
	}](ctx, s.c, ep, nil, q)
	if err != nil {
		return nil, err
	}
	return out.StatisticList, nil
}

// CorpStatistic returns the daily totals of an account (sessions,
// customers, messages, smart-assistant figures); q.ServicerUserID is not
// sent.
// https://developer.work.weixin.qq.com/document/path/95489
func (s *KFStatisticService) CorpStatistic(ctx context.Context, q KFStatisticQuery) ([]KFDayStatistic, error) {
	q.ServicerUserID = ""
	return s.get(ctx, kfCorpStatistic, q)
}

// ServicerStatistic returns the daily servicer figures of an account:
// for q.ServicerUserID, or summed over the account's servicers when empty.
// https://developer.work.weixin.qq.com/document/path/95490
func (s *KFStatisticService) ServicerStatistic(ctx context.Context, q KFStatisticQuery) ([]KFDayStatistic, error) {
	return s.get(ctx, kfServicerStatistic, q)
}
