package work_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/weixin-go/wechat/fakewechat"
	"github.com/weixin-go/wechat/work"
)

// uploadCSV uploads a batch file and returns its media id.
func uploadCSV(t *testing.T, bot *work.AgentClient, csv string) string {
	t.Helper()
	m, err := bot.Material.Upload(ctxA, work.MediaFile, "batch.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	return m.MediaID
}

// batchRows returns the job's result, which must be done, as
// "id:errcode" strings (id is the userid, or partyid/action).
func batchRows(t *testing.T, bot *work.AgentClient, jobID, typ string) []string {
	t.Helper()
	res, err := bot.Batch.Result(ctxA, jobID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != work.BatchJobDone || res.Type != typ || res.Percentage != 100 || res.Total != len(res.Result) {
		t.Fatalf("result %+v", res)
	}
	var out []string
	for _, r := range res.Result {
		id := r.UserID
		if typ == "replace_party" {
			id = strings.Join([]string{itoa(r.PartyID), itoa(int64(r.Action))}, "/")
		}
		out = append(out, id+":"+itoa(int64(r.ErrCode)))
		if r.ErrCode == 0 && r.ErrMsg != "ok" || r.ErrCode != 0 && r.ErrMsg == "" {
			t.Errorf("row %+v", r)
		}
	}
	return out
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestBatchSyncUser(t *testing.T) {
	srv, bot := botA(t)
	media := uploadCSV(t, bot, "\ufeff姓名,帐号,手机号,邮箱,所在部门,职位,性别,备注\n"+
		"王五,wangwu,13900000003,wangwu@example.com,1;7,工程师,女,x\n"+
		",zhangsan,,,,经理,,\n"+
		"赵六,zhaoliu,13900000004,,1,,未知,\n"+
		"钱七,,13900000005,,1,,,\n"+
		"孙八,sunba,13800000002,,1,,,\n"+
		"周九,zhoujiu\n")
	f := false
	job, err := bot.Batch.SyncUser(ctxA, work.BatchUserJob{MediaID: media, ToInvite: &f,
		Callback: &work.BatchCallback{URL: "https://example.com/cb", Token: "tok", EncodingAESKey: strings.Repeat("a", 43)}})
	if err != nil {
		t.Fatal(err)
	}
	b := lastBodyA(t, srv, "POST /cgi-bin/batch/syncuser")
	if b["media_id"] != media || b["to_invite"] != false || b["callback"].(map[string]any)["url"] != "https://example.com/cb" {
		t.Errorf("body %v", b)
	}
	got := batchRows(t, bot, job, "sync_user")
	want := []string{"wangwu:0", "zhangsan:0", "zhaoliu:40058", ":41035", "sunba:60104", "zhoujiu:40058"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	if lastQueryA(t, srv, "GET /cgi-bin/batch/getresult", "jobid") != job {
		t.Error("jobid query")
	}
	u, err := bot.User.Get(ctxA, "wangwu")
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "王五" || u.Mobile != "13900000003" || u.Gender != "2" || u.Position != "工程师" || !slices.Equal(u.Department, []int64{1, 7}) {
		t.Errorf("wangwu %+v", u)
	}
	if d, err := bot.Department.Get(ctxA, 7); err != nil || d.ParentID != 1 {
		t.Errorf("department 7: %+v %v", d, err)
	}
	// Only the given columns change.
	if z, _ := bot.User.Get(ctxA, "zhangsan"); z.Position != "经理" || z.Mobile != "13800000001" || z.Name != "zhangsan" {
		t.Errorf("zhangsan %+v", z)
	}
	if _, err := bot.User.Get(ctxA, "sunba"); err == nil {
		t.Error("failed row added")
	}
}

func TestBatchReplaceUser(t *testing.T) {
	_, bot := botA(t)
	job, err := bot.Batch.ReplaceUser(ctxA, work.BatchUserJob{MediaID: uploadCSV(t, bot, "name,userid,mobile,department\nzhangsan,zhangsan,,1\nZhao Liu,zhaoliu,13900000004,1\n")})
	if err != nil {
		t.Fatal(err)
	}
	if got := batchRows(t, bot, job, "replace_user"); !slices.Equal(got, []string{"zhangsan:0", "zhaoliu:0"}) {
		t.Errorf("rows %v", got)
	}
	users, _ := bot.User.ListSimple(ctxA, 1)
	var ids []string
	for _, u := range users {
		ids = append(ids, u.UserID)
	}
	if !slices.Equal(ids, []string{"zhangsan", "zhaoliu"}) {
		t.Errorf("members %v", ids)
	}
	// Deleting more than 80% of fewer than 50 members stops the import.
	job, _ = bot.Batch.ReplaceUser(ctxA, work.BatchUserJob{MediaID: uploadCSV(t, bot, "name,userid\nA,a1\n")})
	if got := batchRows(t, bot, job, "replace_user"); !slices.Equal(got, []string{"a1:40058"}) {
		t.Errorf("rows %v", got)
	}
	if _, err := bot.User.Get(ctxA, "zhaoliu"); err != nil {
		t.Error("stopped import deleted members")
	}
	// A file without the userid column fails every line.
	job, _ = bot.Batch.SyncUser(ctxA, work.BatchUserJob{MediaID: uploadCSV(t, bot, "name,mobile\nA,13900000009\nB,13900000008\n")})
	if got := batchRows(t, bot, job, "sync_user"); !slices.Equal(got, []string{":41035", ":41035"}) {
		t.Errorf("rows %v", got)
	}
}

func TestBatchReplaceParty(t *testing.T) {
	srv, bot := botA(t)
	empty, err := bot.Department.Create(ctxA, &work.Department{Name: "empty", ParentID: 1})
	if err != nil {
		t.Fatal(err)
	}
	busy, _ := bot.Department.Create(ctxA, &work.Department{Name: "busy", ParentID: 1})
	if err := bot.User.Create(ctxA, &work.User{UserID: "wangwu", Name: "wangwu", Mobile: "13900000003", Department: []int64{busy}}); err != nil {
		t.Fatal(err)
	}
	job, err := bot.Batch.ReplaceParty(ctxA, uploadCSV(t, bot, "部门名称,部门ID,父部门ID,排序\n"+
		"Corp,1,0,\n研发,20,1,10\n后台,21,20,0\nlost,22,99,\nbad,x,1,\n,23,1,\n"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if b := lastBodyA(t, srv, "POST /cgi-bin/batch/replaceparty"); len(b) != 1 || b["media_id"] == nil {
		t.Errorf("body %v", b)
	}
	got := batchRows(t, bot, job, "replace_party")
	want := []string{"1/2:0", "20/1:0", "21/1:0", "22/0:60003", "0/0:40058", "23/0:41035"}
	if !slices.Equal(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
	if d, err := bot.Department.Get(ctxA, 21); err != nil || d.ParentID != 20 || d.Name != "后台" {
		t.Errorf("department 21: %+v %v", d, err)
	}
	if _, err := bot.Department.Get(ctxA, empty); err == nil {
		t.Error("empty department left")
	}
	if _, err := bot.Department.Get(ctxA, busy); err != nil {
		t.Error("department with members deleted")
	}
	// Moving and reordering.
	job, _ = bot.Batch.ReplaceParty(ctxA, uploadCSV(t, bot, "name,id,parentid,order\nCorp,1,0,\n研发,20,1,5\n后台,21,1,\n"), nil)
	if got := batchRows(t, bot, job, "replace_party"); !slices.Equal(got, []string{"1/0:0", "20/8:0", "21/4:0"}) {
		t.Errorf("rows %v", got)
	}
}

func TestBatchErrors(t *testing.T) {
	_, bot := botA(t)
	_, err := bot.Batch.SyncUser(ctxA, work.BatchUserJob{})
	wantArgA(t, err, "media_id")
	_, err = bot.Batch.ReplaceParty(ctxA, "m", &work.BatchCallback{})
	wantArgA(t, err, "callback.url")
	_, err = bot.Batch.Result(ctxA, "")
	wantArgA(t, err, "jobid")
	_, err = bot.Batch.ReplaceUser(ctxA, work.BatchUserJob{MediaID: "nope"})
	wantCodeA(t, err, fakewechat.CodeInvalidMediaID)
	media := uploadCSV(t, bot, "userid\nzhangsan\n")
	_, err = bot.Batch.SyncUser(ctxA, work.BatchUserJob{MediaID: media, Callback: &work.BatchCallback{URL: "ftp://x"}})
	wantCodeA(t, err, fakewechat.CodeWeComInvalidCallbackURL)
	_, err = bot.Batch.Result(ctxA, "JOB-unknown")
	wantCodeA(t, err, fakewechat.CodeWeComInvalidParameter)
}
