package work_test

import (
	"reflect"
	"strings"
	"testing"
)

// Every service is an exported field of AgentClient (so go doc lists it)
// and is set.
func TestAgentClientServicesExported(t *testing.T) {
	_, corp := newCorp(t)
	bot, ok := corp.Agent("bot")
	if !ok {
		t.Fatal("no agent bot")
	}
	v := reflect.ValueOf(bot).Elem()
	n := 0
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if !strings.HasSuffix(f.Type.String(), "Service") {
			continue
		}
		if !f.IsExported() || f.Anonymous {
			t.Errorf("service %s is not an exported field", f.Name)
		}
		if v.Field(i).IsNil() {
			t.Errorf("service %s is nil", f.Name)
		}
		n++
	}
	if n < 35 || bot.Message == nil {
		t.Errorf("%d services found", n)
	}
}
