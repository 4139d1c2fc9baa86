package fakewechat

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"unicode/utf8"
)

// Mini program live broadcast rooms (直播间): rooms created by room/create
// are listed by getliveinfo with paging (9410000 when there is none), have
// replays once ended (MPEndLiveRoom), goods imported from the library of
// mp_live_goods.go (approved ones only), assistants, a sub-anchor and the
// feeds, replay, customer-service and comment switches. Unknown rooms answer
// 300022.
func init() {
	for code, msg := range map[int]string{
		CodeMPLiveRoomNotFound: "room not exist", CodeMPLiveRoomState: "room status not allow",
		CodeMPLiveGoodsNotFound: "goods not exist", CodeMPLiveGoodsNotApproved: "goods audit not pass",
		CodeMPLiveNameInvalid: "room name invalid", CodeMPLiveListEmpty: "live list empty",
		CodeMPLiveImageInvalid: "image invalid",
	} {
		stdMessages[code] = msg
	}
	builtin = append(builtin, registerMPLiveRoom)
}

// Errcodes of the live broadcast endpoints.
const (
	CodeMPLiveImageInvalid     = 300006
	CodeMPLiveRoomNotFound     = 300022
	CodeMPLiveRoomState        = 300023
	CodeMPLiveGoodsNotFound    = 300024
	CodeMPLiveGoodsNotApproved = 300025
	CodeMPLiveNameInvalid      = 300028
	CodeMPLiveListEmpty        = 9410000
)

type mpRoom struct {
	Name          string `json:"name"`
	RoomID        int    `json:"roomid"`
	CoverImg      string `json:"cover_img"`
	ShareImg      string `json:"share_img"`
	FeedsImg      string `json:"feeds_img"`
	LiveStatus    int    `json:"live_status"`
	StartTime     int64  `json:"start_time"`
	EndTime       int64  `json:"end_time"`
	AnchorName    string `json:"anchor_name"`
	Goods         []M    `json:"goods"`
	LiveType      int    `json:"live_type"`
	CloseLike     int    `json:"close_like"`
	CloseGoods    int    `json:"close_goods"`
	CloseComment  int    `json:"close_comment"`
	CloseKf       int    `json:"close_kf"`
	CloseReplay   int    `json:"close_replay"`
	IsFeedsPublic int    `json:"is_feeds_public"`
	CreaterOpenID string `json:"creater_openid"`
	goodsIDs      []int  // in display order
	onSale        map[int]bool
	assistants    []M
	subAnchor     string
	banComment    int
	pushed        []int
	replays       []M
}

type mpLive struct {
	mu        sync.Mutex
	rooms     []*mpRoom
	nextRoom  int
	goods     []*mpLiveGoods
	nextGoods int
	nextAudit int
	roles     map[string]*mpRoleMember
	followers []M
	pushes    []MPLivePush
}

func (s *Server) mpLive(appid string) *mpLive {
	return Value(s.State(appid), "mp.live", func() *mpLive {
		return &mpLive{nextRoom: 1, nextGoods: 1, nextAudit: 1, roles: map[string]*mpRoleMember{}}
	})
}

func (l *mpLive) room(id int) (*mpRoom, *Error) {
	for _, r := range l.rooms {
		if r.RoomID == id {
			return r, nil
		}
	}
	return nil, ErrCode(CodeMPLiveRoomNotFound)
}

// MPEndLiveRoom marks a room as ended (live_status 103) with n replay segments.
func (s *Server) MPEndLiveRoom(appid string, roomID, n int) bool {
	l := s.mpLive(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	r, e := l.room(roomID)
	if e != nil {
		return false
	}
	r.LiveStatus = 103
	for i := range n {
		r.replays = append(r.replays, M{"expire_time": "2027-01-01T00:00:00Z", "create_time": "2026-11-25T10:00:00Z",
			"media_url": fmt.Sprintf("https://vod.example.com/%d/%d.m3u8", roomID, i)})
	}
	return true
}

type mpRoomIn struct {
	ID            int    `json:"id"`
	Name          string `json:"name"`
	CoverImg      string `json:"coverImg"`
	StartTime     int64  `json:"startTime"`
	EndTime       int64  `json:"endTime"`
	AnchorName    string `json:"anchorName"`
	AnchorWechat  string `json:"anchorWechat"`
	ShareImg      string `json:"shareImg"`
	FeedsImg      string `json:"feedsImg"`
	IsFeedsPublic int    `json:"isFeedsPublic"`
	Type          int    `json:"type"`
	CloseLike     int    `json:"closeLike"`
	CloseGoods    int    `json:"closeGoods"`
	CloseComment  int    `json:"closeComment"`
	CloseReplay   int    `json:"closeReplay"`
	CloseKf       int    `json:"closeKf"`
}

func (in *mpRoomIn) check(r *Request) *Error {
	n := utf8.RuneCountInString(in.Name)
	switch {
	case n < 3 || n > 17:
		return ErrCode(CodeMPLiveNameInvalid)
	case in.AnchorName == "" || in.AnchorWechat == "":
		return Errorf(CodeInvalidArgs, "invalid args: anchor")
	case !oaMediaExists(r, in.CoverImg, "image") || !oaMediaExists(r, in.ShareImg, "image"):
		return ErrCode(CodeMPLiveImageInvalid)
	case in.EndTime <= in.StartTime || in.StartTime < r.Now().Unix()+600:
		return Errorf(CodeInvalidArgs, "invalid args: startTime must be at least 10 minutes ahead and before endTime")
	}
	return nil
}

func (in *mpRoomIn) apply(rm *mpRoom) {
	rm.Name, rm.CoverImg, rm.ShareImg, rm.FeedsImg = in.Name, in.CoverImg, in.ShareImg, in.FeedsImg
	rm.StartTime, rm.EndTime, rm.AnchorName, rm.LiveType = in.StartTime, in.EndTime, in.AnchorName, in.Type
	rm.CloseLike, rm.CloseGoods, rm.CloseComment, rm.CloseReplay, rm.CloseKf = in.CloseLike, in.CloseGoods, in.CloseComment, in.CloseReplay, in.CloseKf
	rm.IsFeedsPublic = in.IsFeedsPublic
}

// liveRoomHandler decodes {roomId,...} into in, finds the room and runs fn
// with the live state locked.
func (s *Server) liveRoomHandler(in func() any, roomID func() int, fn func(l *mpLive, rm *mpRoom) (any, error)) JSONHandler {
	return func(r *Request) (any, error) {
		if err := r.Decode(in()); err != nil {
			return nil, err
		}
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		rm, e := l.room(roomID())
		if e != nil {
			return nil, e
		}
		return fn(l, rm)
	}
}

func registerMPLiveRoom(s *Server) {
	// roomForm decodes and checks a room of create or editroom and runs fn
	// with the live state locked.
	roomForm := func(fn func(l *mpLive, in *mpRoomIn) (any, error)) JSONHandler {
		return func(r *Request) (any, error) {
			var in mpRoomIn
			if err := r.Decode(&in); err != nil {
				return nil, err
			}
			if e := in.check(r); e != nil {
				return nil, e
			}
			l := s.mpLive(r.AppID)
			l.mu.Lock()
			defer l.mu.Unlock()
			return fn(l, &in)
		}
	}
	s.HandleJSON("POST /wxaapi/broadcast/room/create", roomForm(func(l *mpLive, in *mpRoomIn) (any, error) {
		rm := &mpRoom{RoomID: l.nextRoom, LiveStatus: 102, Goods: []M{}, onSale: map[int]bool{}, CreaterOpenID: "oCreator"}
		l.nextRoom++
		in.apply(rm)
		l.rooms = append(l.rooms, rm)
		return OK(M{"roomId": rm.RoomID}), nil
	}))
	s.HandleJSON("POST /wxaapi/broadcast/room/editroom", roomForm(func(l *mpLive, in *mpRoomIn) (any, error) {
		rm, e := l.room(in.ID)
		if e != nil {
			return nil, e
		}
		if rm.LiveStatus != 102 {
			return nil, ErrCode(CodeMPLiveRoomState)
		}
		in.apply(rm)
		return nil, nil
	}))
	s.HandleJSON("POST /wxaapi/broadcast/room/deleteroom", func(r *Request) (any, error) {
		var in struct {
			ID int `json:"id"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		if _, e := l.room(in.ID); e != nil {
			return nil, e
		}
		l.rooms = slices.DeleteFunc(l.rooms, func(rm *mpRoom) bool { return rm.RoomID == in.ID })
		return nil, nil
	})
	s.HandleJSON("POST /wxa/business/getliveinfo", func(r *Request) (any, error) {
		var in struct {
			Action string `json:"action"`
			RoomID int    `json:"room_id"`
			Start  int    `json:"start"`
			Limit  int    `json:"limit"`
		}
		if err := r.Decode(&in); err != nil {
			return nil, err
		}
		if in.Start < 0 || in.Limit < 1 || in.Limit > 100 {
			return nil, ErrCode(CodeInvalidArgs)
		}
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		if in.Action == "get_replay" {
			rm, e := l.room(in.RoomID)
			if e != nil {
				return nil, e
			}
			page := rm.replays[min(in.Start, len(rm.replays)):min(in.Start+in.Limit, len(rm.replays))]
			return OK(M{"live_replay": append([]M{}, page...), "total": len(rm.replays)}), nil
		}
		if in.Action != "" {
			return nil, Errorf(CodeInvalidArgs, "invalid args: action")
		}
		if len(l.rooms) == 0 {
			return nil, ErrCode(CodeMPLiveListEmpty)
		}
		page := l.rooms[min(in.Start, len(l.rooms)):min(in.Start+in.Limit, len(l.rooms))]
		out := make([]mpRoom, len(page))
		for i, rm := range page {
			out[i] = *rm
			out[i].Goods = l.roomGoods(rm)
		}
		return OK(M{"room_info": out, "total": len(l.rooms)}), nil
	})

	type roomIn struct {
		RoomID        int    `json:"roomId"`
		IDs           []int  `json:"ids"`
		Username      string `json:"username"`
		Nickname      string `json:"nickname"`
		Users         []M    `json:"users"`
		GoodsID       int    `json:"goodsId"`
		OnSale        *int   `json:"onSale"`
		IsFeedsPublic *int   `json:"isFeedsPublic"`
		CloseReplay   *int   `json:"closeReplay"`
		CloseKf       *int   `json:"closeKf"`
		BanComment    *int   `json:"banComment"`
		Goods         []struct {
			GoodsID string `json:"goodsId"`
		} `json:"goods"`
	}
	post := func(path string, fn func(l *mpLive, rm *mpRoom, in *roomIn) (any, error)) {
		s.HandleJSON("POST "+path, func(r *Request) (any, error) {
			in := new(roomIn)
			return s.liveRoomHandler(func() any { return in }, func() int { return in.RoomID }, func(l *mpLive, rm *mpRoom) (any, error) {
				return fn(l, rm, in)
			})(r)
		})
	}
	get := func(path string, fn func(l *mpLive, rm *mpRoom) (any, error)) {
		s.HandleJSON("GET "+path, func(r *Request) (any, error) {
			id, _ := strconv.Atoi(r.Query.Get("roomId"))
			l := s.mpLive(r.AppID)
			l.mu.Lock()
			defer l.mu.Unlock()
			rm, e := l.room(id)
			if e != nil {
				return nil, e
			}
			return fn(l, rm)
		})
	}
	post("/wxaapi/broadcast/room/addgoods", func(l *mpLive, rm *mpRoom, in *roomIn) (any, error) {
		if len(in.IDs) == 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: ids")
		}
		for _, id := range in.IDs {
			g := l.findGoods(id)
			switch {
			case g == nil:
				return nil, ErrCode(CodeMPLiveGoodsNotFound)
			case g.AuditStatus != 2:
				return nil, ErrCode(CodeMPLiveGoodsNotApproved)
			}
		}
		for _, id := range in.IDs {
			if !slices.Contains(rm.goodsIDs, id) {
				rm.goodsIDs = append(rm.goodsIDs, id)
			}
		}
		return nil, nil
	})
	get("/wxaapi/broadcast/room/getpushurl", func(_ *mpLive, rm *mpRoom) (any, error) {
		return OK(M{"pushAddr": fmt.Sprintf("rtmp://push.example.com/live/%d?txSecret=fake", rm.RoomID)}), nil
	})
	s.HandleJSON("GET /wxaapi/broadcast/room/getsharedcode", func(r *Request) (any, error) {
		id, _ := strconv.Atoi(r.Query.Get("roomId"))
		l := s.mpLive(r.AppID)
		l.mu.Lock()
		defer l.mu.Unlock()
		if _, e := l.room(id); e != nil {
			return nil, e
		}
		page := "plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=" + strconv.Itoa(id)
		if p := r.Query.Get("params"); p != "" {
			page += "&custom_params=" + p
		}
		return OK(M{"cdnUrl": "https://cdn.example.com/share/" + strconv.Itoa(id) + ".png", "pagePath": page,
			"posterUrl": "https://cdn.example.com/poster/" + strconv.Itoa(id) + ".png"}), nil
	})
	post("/wxaapi/broadcast/room/addassistant", func(_ *mpLive, rm *mpRoom, in *roomIn) (any, error) {
		if len(in.Users) == 0 || len(rm.assistants)+len(in.Users) > 5 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: users")
		}
		for _, u := range in.Users {
			rm.assistants = append(rm.assistants, M{"username": u["username"], "nickname": u["nickname"], "alias": u["username"],
				"openid": "o" + fmt.Sprint(u["username"]), "headimg": "https://thirdwx.qlogo.cn/x", "timestamp": 1700000000})
		}
		return nil, nil
	})
	findAssistant := func(rm *mpRoom, username string) int {
		return slices.IndexFunc(rm.assistants, func(a M) bool { return a["username"] == username })
	}
	post("/wxaapi/broadcast/room/modifyassistant", func(_ *mpLive, rm *mpRoom, in *roomIn) (any, error) {
		i := findAssistant(rm, in.Username)
		if i < 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: assistant not found")
		}
		rm.assistants[i]["nickname"] = in.Nickname
		return nil, nil
	})
	post("/wxaapi/broadcast/room/removeassistant", func(_ *mpLive, rm *mpRoom, in *roomIn) (any, error) {
		i := findAssistant(rm, in.Username)
		if i < 0 {
			return nil, Errorf(CodeInvalidArgs, "invalid args: assistant not found")
		}
		rm.assistants = slices.Delete(rm.assistants, i, i+1)
		return nil, nil
	})
	get("/wxaapi/broadcast/room/getassistantlist", func(_ *mpLive, rm *mpRoom) (any, error) {
		list := make([]M, 0, len(rm.assistants))
		for _, a := range rm.assistants {
			list = append(list, M{"timestamp": a["timestamp"], "headimg": a["headimg"], "nickname": a["nickname"], "alias": a["alias"], "openid": a["openid"]})
		}
		return OK(M{"list": list, "count": len(list), "maxCount": 5}), nil
	})
	setSub := func(want bool) func(*mpLive, *mpRoom, *roomIn) (any, error) {
		return func(_ *mpLive, rm *mpRoom, in *roomIn) (any, error) {
			if in.Username == "" || (rm.subAnchor != "") != want {
				return nil, ErrCode(CodeMPLiveRoomState)
			}
			rm.subAnchor = in.Username
			return nil, nil
		}
	}
	post("/wxaapi/broadcast/room/addsubanchor", setSub(false))
	post("/wxaapi/broadcast/room/modifysubanchor", setSub(true))
	post("/wxaapi/broadcast/room/deletesubanchor", func(_ *mpLive, rm *mpRoom, _ *roomIn) (any, error) {
		if rm.subAnchor == "" {
			return nil, ErrCode(CodeMPLiveRoomState)
		}
		rm.subAnchor = ""
		return nil, nil
	})
	get("/wxaapi/broadcast/room/getsubanchor", func(_ *mpLive, rm *mpRoom) (any, error) {
		if rm.subAnchor == "" {
			return nil, ErrCode(CodeMPLiveRoomState)
		}
		return OK(M{"username": rm.subAnchor}), nil
	})
	toggle := func(field func(in *roomIn) *int, target func(rm *mpRoom) *int) func(*mpLive, *mpRoom, *roomIn) (any, error) {
		return func(_ *mpLive, rm *mpRoom, in *roomIn) (any, error) {
			v := field(in)
			if v == nil || (*v != 0 && *v != 1) {
				return nil, ErrCode(CodeInvalidArgs)
			}
			*target(rm) = *v
			return nil, nil
		}
	}
	post("/wxaapi/broadcast/room/updatefeedpublic", toggle(func(in *roomIn) *int { return in.IsFeedsPublic }, func(rm *mpRoom) *int { return &rm.IsFeedsPublic }))
	post("/wxaapi/broadcast/room/updatereplay", toggle(func(in *roomIn) *int { return in.CloseReplay }, func(rm *mpRoom) *int { return &rm.CloseReplay }))
	post("/wxaapi/broadcast/room/updatekf", toggle(func(in *roomIn) *int { return in.CloseKf }, func(rm *mpRoom) *int { return &rm.CloseKf }))
	post("/wxaapi/broadcast/room/updatecomment", toggle(func(in *roomIn) *int { return in.BanComment }, func(rm *mpRoom) *int { return &rm.banComment }))
	inRoom := func(fn func(rm *mpRoom, in *roomIn) (any, error)) func(*mpLive, *mpRoom, *roomIn) (any, error) {
		return func(_ *mpLive, rm *mpRoom, in *roomIn) (any, error) {
			if !slices.Contains(rm.goodsIDs, in.GoodsID) {
				return nil, ErrCode(CodeMPLiveGoodsNotFound)
			}
			return fn(rm, in)
		}
	}
	post("/wxaapi/broadcast/goods/onsale", inRoom(func(rm *mpRoom, in *roomIn) (any, error) {
		if in.OnSale == nil || (*in.OnSale != 0 && *in.OnSale != 1) {
			return nil, ErrCode(CodeInvalidArgs)
		}
		rm.onSale[in.GoodsID] = *in.OnSale == 1
		return nil, nil
	}))
	post("/wxaapi/broadcast/goods/deleteInRoom", inRoom(func(rm *mpRoom, in *roomIn) (any, error) {
		rm.goodsIDs = slices.DeleteFunc(rm.goodsIDs, func(id int) bool { return id == in.GoodsID })
		return nil, nil
	}))
	post("/wxaapi/broadcast/goods/push", inRoom(func(rm *mpRoom, in *roomIn) (any, error) {
		if rm.LiveStatus != 101 {
			return nil, ErrCode(CodeMPLiveRoomState)
		}
		rm.pushed = append(rm.pushed, in.GoodsID)
		return nil, nil
	}))
	post("/wxaapi/broadcast/goods/sort", func(_ *mpLive, rm *mpRoom, in *roomIn) (any, error) {
		var order []int
		for _, g := range in.Goods {
			id, err := strconv.Atoi(g.GoodsID)
			if err != nil || !slices.Contains(rm.goodsIDs, id) {
				return nil, ErrCode(CodeMPLiveGoodsNotFound)
			}
			order = append(order, id)
		}
		if len(order) != len(rm.goodsIDs) {
			return nil, Errorf(CodeInvalidArgs, "invalid args: goods must list every goods of the room")
		}
		rm.goodsIDs = order
		return nil, nil
	})
	post("/wxaapi/broadcast/goods/getVideo", inRoom(func(rm *mpRoom, in *roomIn) (any, error) {
		return OK(M{"url": fmt.Sprintf("https://vod.example.com/goods/%d/%d.mp4", rm.RoomID, in.GoodsID)}), nil
	}))
}

// MPStartLiveRoom marks a room as live (live_status 101).
func (s *Server) MPStartLiveRoom(appid string, roomID int) bool {
	l := s.mpLive(appid)
	l.mu.Lock()
	defer l.mu.Unlock()
	r, e := l.room(roomID)
	if e != nil {
		return false
	}
	r.LiveStatus = 101
	return true
}

// roomGoods renders the room's goods as getliveinfo lists them. l.mu must be held.
func (l *mpLive) roomGoods(rm *mpRoom) []M {
	out := []M{}
	for _, id := range rm.goodsIDs {
		if g := l.findGoods(id); g != nil {
			out = append(out, M{"goods_id": g.GoodsID, "cover_img": g.CoverImgURL, "url": g.URL, "name": g.Name,
				"price": g.Price, "price2": g.Price2, "price_type": g.PriceType})
		}
	}
	return out
}
