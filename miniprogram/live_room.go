package miniprogram

import (
	"context"
	"iter"
	"net/http"
	"net/url"
	"strconv"

	wechat "github.com/weixin-go/wechat"
)

func liveEP(method, path string) wechat.Endpoint { return wechat.Endpoint{Method: method, Path: path} }

var (
	liveRoomCreate       = liveEP(http.MethodPost, "/wxaapi/broadcast/room/create")
	liveRoomInfo         = liveEP(http.MethodPost, "/wxa/business/getliveinfo")
	liveRoomAddGoods     = liveEP(http.MethodPost, "/wxaapi/broadcast/room/addgoods")
	liveRoomDelete       = liveEP(http.MethodPost, "/wxaapi/broadcast/room/deleteroom")
	liveRoomEdit         = liveEP(http.MethodPost, "/wxaapi/broadcast/room/editroom")
	liveRoomPushURL      = liveEP(http.MethodGet, "/wxaapi/broadcast/room/getpushurl")
	liveRoomSharedCode   = liveEP(http.MethodGet, "/wxaapi/broadcast/room/getsharedcode")
	liveRoomAddAssistant = liveEP(http.MethodPost, "/wxaapi/broadcast/room/addassistant")
	liveRoomModAssistant = liveEP(http.MethodPost, "/wxaapi/broadcast/room/modifyassistant")
	liveRoomDelAssistant = liveEP(http.MethodPost, "/wxaapi/broadcast/room/removeassistant")
	liveRoomAssistants   = liveEP(http.MethodGet, "/wxaapi/broadcast/room/getassistantlist")
	liveRoomAddSubAnchor = liveEP(http.MethodPost, "/wxaapi/broadcast/room/addsubanchor")
	liveRoomModSubAnchor = liveEP(http.MethodPost, "/wxaapi/broadcast/room/modifysubanchor")
	liveRoomDelSubAnchor = liveEP(http.MethodPost, "/wxaapi/broadcast/room/deletesubanchor")
	liveRoomSubAnchor    = liveEP(http.MethodGet, "/wxaapi/broadcast/room/getsubanchor")
	liveRoomFeedPublic   = liveEP(http.MethodPost, "/wxaapi/broadcast/room/updatefeedpublic")
	liveRoomReplay       = liveEP(http.MethodPost, "/wxaapi/broadcast/room/updatereplay")
	liveRoomKF           = liveEP(http.MethodPost, "/wxaapi/broadcast/room/updatekf")
	liveRoomComment      = liveEP(http.MethodPost, "/wxaapi/broadcast/room/updatecomment")
	liveRoomGoodsOnSale  = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/onsale")
	liveRoomGoodsDelete  = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/deleteInRoom")
	liveRoomGoodsPush    = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/push")
	liveRoomGoodsSort    = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/sort")
	liveRoomGoodsVideo   = liveEP(http.MethodPost, "/wxaapi/broadcast/goods/getVideo")
)

// maxLiveRoomPageLimit is the largest page of LiveRoomService.List and Replays.
const maxLiveRoomPageLimit = 100

// Room is a live room to create or edit. Times are unix seconds; the
// Close*/Is* switches are 0 or 1 as WeChat takes them.
type Room struct {
	// ID is set for Edit only.
	ID              int    `json:"id,omitempty"`
	Name            string `json:"name"`
	CoverImg        string `json:"coverImg"` // media id of a temporary image
	StartTime       int64  `json:"startTime"`
	EndTime         int64  `json:"endTime"`
	AnchorName      string `json:"anchorName"`
	AnchorWechat    string `json:"anchorWechat"`
	SubAnchorWechat string `json:"subAnchorWechat,omitempty"`
	CreaterWechat   string `json:"createrWechat,omitempty"`
	ShareImg        string `json:"shareImg"`
	FeedsImg        string `json:"feedsImg,omitempty"`
	IsFeedsPublic   int    `json:"isFeedsPublic"`
	Type            int    `json:"type"` // 0 phone, 1 push stream
	CloseLike       int    `json:"closeLike"`
	CloseGoods      int    `json:"closeGoods"`
	CloseComment    int    `json:"closeComment"`
	CloseReplay     int    `json:"closeReplay"`
	CloseShare      int    `json:"closeShare"`
	CloseKf         int    `json:"closeKf"`
}

func (r *Room) check() error {
	if r == nil {
		return invalidArg("name", "no room")
	}
	if err := required("name", r.Name, "coverImg", r.CoverImg, "anchorName", r.AnchorName, "anchorWechat", r.AnchorWechat, "shareImg", r.ShareImg); err != nil {
		return err
	}
	if r.EndTime <= r.StartTime {
		return invalidArg("endTime", "must be after startTime")
	}
	return nil
}

// CreatedRoom is the answer of Create.
type CreatedRoom struct {
	RoomID int `json:"roomId"`
	// QRCodeURL is set when the anchor has not done real-name verification:
	// they must scan it.
	QRCodeURL string `json:"qrcode_url,omitempty"`
}

// Create creates a live room.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) Create(ctx context.Context, room *Room) (*CreatedRoom, error) {
	if err := room.check(); err != nil {
		return nil, err
	}
	if room.ID != 0 {
		return nil, invalidArg("id", "set by WeChat on creation")
	}
	return call[CreatedRoom](ctx, s.c, liveRoomCreate, nil, room)
}

// Edit changes a room that has not started; room.ID names it.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) Edit(ctx context.Context, room *Room) error {
	if err := room.check(); err != nil {
		return err
	}
	if room.ID <= 0 {
		return invalidArg("id", "required")
	}
	return s.c.Do(ctx, liveRoomEdit, nil, room, nil)
}

// Delete deletes a live room.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) Delete(ctx context.Context, roomID int) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	return s.c.Do(ctx, liveRoomDelete, nil, map[string]int{"id": roomID}, nil)
}

func checkRoom(roomID int) error {
	if roomID <= 0 {
		return invalidArg("roomId", "required")
	}
	return nil
}

// RoomGoods is a product of a live room as listed.
type RoomGoods struct {
	GoodsID         int     `json:"goods_id"`
	CoverImg        string  `json:"cover_img"`
	URL             string  `json:"url"`
	Name            string  `json:"name"`
	Price           float64 `json:"price"`
	Price2          float64 `json:"price2"`
	PriceType       int     `json:"price_type"`
	ThirdPartyAppID string  `json:"third_party_appid,omitempty"`
}

// RoomInfo is a live room as listed by List.
type RoomInfo struct {
	Name          string      `json:"name"`
	RoomID        int         `json:"roomid"`
	CoverImg      string      `json:"cover_img"`
	ShareImg      string      `json:"share_img"`
	FeedsImg      string      `json:"feeds_img"`
	LiveStatus    int         `json:"live_status"` // 101 live, 102 not started, 103 ended, 104 banned, 105 paused, 106 error, 107 expired
	StartTime     int64       `json:"start_time"`
	EndTime       int64       `json:"end_time"`
	AnchorName    string      `json:"anchor_name"`
	Goods         []RoomGoods `json:"goods"`
	LiveType      int         `json:"live_type"`
	CloseLike     int         `json:"close_like"`
	CloseGoods    int         `json:"close_goods"`
	CloseComment  int         `json:"close_comment"`
	CloseKf       int         `json:"close_kf"`
	CloseReplay   int         `json:"close_replay"`
	IsFeedsPublic int         `json:"is_feeds_public"`
	CreaterOpenID string      `json:"creater_openid"`
}

// RoomPage is one page of live rooms.
type RoomPage struct {
	Rooms []RoomInfo `json:"room_info"`
	Total int        `json:"total"`
}

func checkPage(start, limit, max int) error {
	if start < 0 {
		return invalidArg("start", "negative")
	}
	if limit < 1 || limit > max {
		return invalidArg("limit", "must be 1-"+strconv.Itoa(max))
	}
	return nil
}

// List returns limit (at most 100) live rooms from offset start.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) List(ctx context.Context, start, limit int) (*RoomPage, error) {
	if err := checkPage(start, limit, maxLiveRoomPageLimit); err != nil {
		return nil, err
	}
	return call[RoomPage](ctx, s.c, liveRoomInfo, nil, map[string]int{"start": start, "limit": limit})
}

// All iterates over every live room, fetching pages of 100 as needed. The
// first error is yielded and ends the iteration.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) All(ctx context.Context) iter.Seq2[RoomInfo, error] {
	return wechat.OffsetPages(ctx, maxLiveRoomPageLimit, func(ctx context.Context, offset, count int) ([]RoomInfo, int, error) {
		p, err := s.List(ctx, offset, count)
		if err != nil {
			return nil, 0, err
		}
		return p.Rooms, p.Total, nil
	})
}

// Replay is a recorded segment of a live room.
type Replay struct {
	ExpireTime string `json:"expire_time"`
	CreateTime string `json:"create_time"`
	MediaURL   string `json:"media_url"`
}

// ReplayPage is one page of a room's replays.
type ReplayPage struct {
	Replays []Replay `json:"live_replay"`
	Total   int      `json:"total"`
}

// Replays returns limit (at most 100) replay segments of an ended room from
// offset start.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) Replays(ctx context.Context, roomID, start, limit int) (*ReplayPage, error) {
	if err := checkRoom(roomID); err != nil {
		return nil, err
	}
	if err := checkPage(start, limit, maxLiveRoomPageLimit); err != nil {
		return nil, err
	}
	body := struct {
		Action string `json:"action"`
		RoomID int    `json:"room_id"`
		Start  int    `json:"start"`
		Limit  int    `json:"limit"`
	}{"get_replay", roomID, start, limit}
	return call[ReplayPage](ctx, s.c, liveRoomInfo, nil, body)
}

// AddGoods imports products of the goods library (ids) into a room.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) AddGoods(ctx context.Context, roomID int, goodsIDs []int) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	if len(goodsIDs) == 0 {
		return invalidArg("ids", "empty")
	}
	body := struct {
		IDs    []int `json:"ids"`
		RoomID int   `json:"roomId"`
	}{goodsIDs, roomID}
	return s.c.Do(ctx, liveRoomAddGoods, nil, body, nil)
}

func roomQuery(roomID int) url.Values { return url.Values{"roomId": {strconv.Itoa(roomID)}} }

// PushURL returns the RTMP push address of a push-stream room.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) PushURL(ctx context.Context, roomID int) (string, error) {
	if err := checkRoom(roomID); err != nil {
		return "", err
	}
	out, err := call[struct {
		PushAddr string `json:"pushAddr"`
	}](ctx, s.c, liveRoomPushURL, roomQuery(roomID), nil)
	if err != nil {
		return "", err
	}
	return out.PushAddr, nil
}

// SharedCode is the sharing material of a room.
type SharedCode struct {
	CDNURL    string `json:"cdnUrl"`
	PagePath  string `json:"pagePath"`
	PosterURL string `json:"posterUrl"`
}

// SharedCode returns the share code of a room; params (optional) are
// custom parameters carried by the code.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SharedCode(ctx context.Context, roomID int, params map[string]string) (*SharedCode, error) {
	if err := checkRoom(roomID); err != nil {
		return nil, err
	}
	q := roomQuery(roomID)
	if len(params) > 0 {
		b, err := wechat.MarshalJSON(params)
		if err != nil {
			return nil, err
		}
		q.Set("params", string(b))
	}
	return call[SharedCode](ctx, s.c, liveRoomSharedCode, q, nil)
}

// Assistant is a room assistant to add.
type Assistant struct {
	Username string `json:"username"` // WeChat id
	Nickname string `json:"nickname"`
}

// AssistantInfo is a room assistant as listed.
type AssistantInfo struct {
	Timestamp int64  `json:"timestamp"`
	HeadImg   string `json:"headimg"`
	Nickname  string `json:"nickname"`
	Alias     string `json:"alias"`
	OpenID    string `json:"openid"`
}

// AssistantList is the answer of Assistants.
type AssistantList struct {
	List     []AssistantInfo `json:"list"`
	Count    int             `json:"count"`
	MaxCount int             `json:"maxCount"`
}

// AddAssistants adds assistants to a room.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) AddAssistants(ctx context.Context, roomID int, users []Assistant) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	if len(users) == 0 {
		return invalidArg("users", "empty")
	}
	for _, u := range users {
		if u.Username == "" {
			return invalidArg("users", "assistant without username")
		}
	}
	body := struct {
		RoomID int         `json:"roomId"`
		Users  []Assistant `json:"users"`
	}{roomID, users}
	return s.c.Do(ctx, liveRoomAddAssistant, nil, body, nil)
}

type roomUser struct {
	RoomID   int    `json:"roomId"`
	Username string `json:"username"`
	Nickname string `json:"nickname,omitempty"`
}

func (s *LiveRoomService) roomUser(ctx context.Context, ep wechat.Endpoint, roomID int, username, nickname string) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	if err := required("username", username); err != nil {
		return err
	}
	return s.c.Do(ctx, ep, nil, roomUser{roomID, username, nickname}, nil)
}

// ModifyAssistant changes an assistant's nickname.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) ModifyAssistant(ctx context.Context, roomID int, username, nickname string) error {
	if err := required("nickname", nickname); err != nil {
		return err
	}
	return s.roomUser(ctx, liveRoomModAssistant, roomID, username, nickname)
}

// RemoveAssistant removes an assistant.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) RemoveAssistant(ctx context.Context, roomID int, username string) error {
	return s.roomUser(ctx, liveRoomDelAssistant, roomID, username, "")
}

// Assistants lists a room's assistants.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) Assistants(ctx context.Context, roomID int) (*AssistantList, error) {
	if err := checkRoom(roomID); err != nil {
		return nil, err
	}
	return call[AssistantList](ctx, s.c, liveRoomAssistants, roomQuery(roomID), nil)
}

// AddSubAnchor sets the room's sub-anchor (WeChat id username).
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) AddSubAnchor(ctx context.Context, roomID int, username string) error {
	return s.roomUser(ctx, liveRoomAddSubAnchor, roomID, username, "")
}

// ModifySubAnchor replaces the room's sub-anchor.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) ModifySubAnchor(ctx context.Context, roomID int, username string) error {
	return s.roomUser(ctx, liveRoomModSubAnchor, roomID, username, "")
}

// DeleteSubAnchor removes the room's sub-anchor.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) DeleteSubAnchor(ctx context.Context, roomID int) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	return s.c.Do(ctx, liveRoomDelSubAnchor, nil, map[string]int{"roomId": roomID}, nil)
}

// SubAnchor returns the WeChat id of the room's sub-anchor.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SubAnchor(ctx context.Context, roomID int) (string, error) {
	if err := checkRoom(roomID); err != nil {
		return "", err
	}
	out, err := call[struct {
		Username string `json:"username"`
	}](ctx, s.c, liveRoomSubAnchor, roomQuery(roomID), nil)
	if err != nil {
		return "", err
	}
	return out.Username, nil
}

// toggle posts {roomId, field: 0|1}.
func (s *LiveRoomService) toggle(ctx context.Context, ep wechat.Endpoint, roomID int, field string, on bool) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	return s.c.Do(ctx, ep, nil, map[string]int{"roomId": roomID, field: boolInt(on)}, nil)
}

// SetFeedsPublic opens (true) or closes the room to the official feeds.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SetFeedsPublic(ctx context.Context, roomID int, public bool) error {
	return s.toggle(ctx, liveRoomFeedPublic, roomID, "isFeedsPublic", public)
}

// SetCloseReplay turns the replay off (true) or on.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SetCloseReplay(ctx context.Context, roomID int, closed bool) error {
	return s.toggle(ctx, liveRoomReplay, roomID, "closeReplay", closed)
}

// SetCloseKF turns customer service off (true) or on.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SetCloseKF(ctx context.Context, roomID int, closed bool) error {
	return s.toggle(ctx, liveRoomKF, roomID, "closeKf", closed)
}

// SetBanComment bans (true) or allows comments.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SetBanComment(ctx context.Context, roomID int, banned bool) error {
	return s.toggle(ctx, liveRoomComment, roomID, "banComment", banned)
}

type roomGoods struct {
	RoomID  int `json:"roomId"`
	GoodsID int `json:"goodsId"`
}

func (s *LiveRoomService) roomGoods(ctx context.Context, ep wechat.Endpoint, roomID, goodsID int, out any) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	if goodsID <= 0 {
		return invalidArg("goodsId", "required")
	}
	return s.c.Do(ctx, ep, nil, roomGoods{roomID, goodsID}, out)
}

// SetGoodsOnSale puts a product of the room on (true) or off sale.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SetGoodsOnSale(ctx context.Context, roomID, goodsID int, onSale bool) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	if goodsID <= 0 {
		return invalidArg("goodsId", "required")
	}
	body := struct {
		roomGoods
		OnSale int `json:"onSale"`
	}{roomGoods{roomID, goodsID}, boolInt(onSale)}
	return s.c.Do(ctx, liveRoomGoodsOnSale, nil, body, nil)
}

// DeleteGoods removes a product from the room.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) DeleteGoods(ctx context.Context, roomID, goodsID int) error {
	return s.roomGoods(ctx, liveRoomGoodsDelete, roomID, goodsID, nil)
}

// PushGoods pushes (explains) a product to the viewers.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) PushGoods(ctx context.Context, roomID, goodsID int) error {
	return s.roomGoods(ctx, liveRoomGoodsPush, roomID, goodsID, nil)
}

// SortGoods orders the room's products as goodsIDs.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) SortGoods(ctx context.Context, roomID int, goodsIDs []int) error {
	if err := checkRoom(roomID); err != nil {
		return err
	}
	if len(goodsIDs) == 0 {
		return invalidArg("goods", "empty")
	}
	type item struct {
		GoodsID string `json:"goodsId"`
	}
	goods := make([]item, len(goodsIDs))
	for i, id := range goodsIDs {
		goods[i] = item{strconv.Itoa(id)}
	}
	body := struct {
		RoomID int    `json:"roomId"`
		Goods  []item `json:"goods"`
	}{roomID, goods}
	return s.c.Do(ctx, liveRoomGoodsSort, nil, body, nil)
}

// GoodsVideo returns the URL of the explanation video of a product.
// https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/liveplayer/studio-api.html
func (s *LiveRoomService) GoodsVideo(ctx context.Context, roomID, goodsID int) (string, error) {
	var out struct {
		URL string `json:"url"`
	}
	if err := s.roomGoods(ctx, liveRoomGoodsVideo, roomID, goodsID, &out); err != nil {
		return "", err
	}
	return out.URL, nil
}
