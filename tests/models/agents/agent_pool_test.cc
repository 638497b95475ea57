// The agent pool's records, idle lists and group counts, driven by hand.
#include "models/agents/agent_pool.h"

#include <vector>

#include <gtest/gtest.h>

namespace ccsim::models {
namespace {

AgentId A(std::uint32_t i) { return make_id<AgentId>(i); }
const AgentGroupId G0 = make_id<AgentGroupId>(0);
const AgentGroupId G1 = make_id<AgentGroupId>(1);

TEST(AgentPool, TheLongestIdleAgentTakesTheNextContact) {
  const std::vector<AgentGroupId> groups = {G0, G0, G0, G1};
  AgentPool pool(2, groups);
  pool.log_on(A(0), 0.0);
  pool.log_on(A(1), 5.0);
  pool.log_on(A(2), 7.0);
  pool.log_on(A(3), 1.0);
  EXPECT_EQ(pool.counts(G0).idle, 3u);
  EXPECT_EQ(pool.counts(G1).idle, 1u);
  EXPECT_EQ(pool.longest_idle(G0), A(0));
  EXPECT_EQ(pool.serve_longest_idle(G0, make_id<ContactId>(9)), A(0));
  EXPECT_EQ(pool.contact(A(0)), make_id<ContactId>(9));
  EXPECT_EQ(pool.state(A(0)), AgentState::Busy);
  EXPECT_EQ(pool.longest_idle(G0), A(1));
  EXPECT_DOUBLE_EQ(pool.longest_idle_since_s(G0), 5.0);
  // Agent 0 frees at 10: it joins the back of the list, behind 1 and 2.
  EXPECT_TRUE(pool.free(A(0), 10.0));
  EXPECT_EQ(pool.serve_longest_idle(G0, make_id<ContactId>(1)), A(1));
  EXPECT_EQ(pool.serve_longest_idle(G0, make_id<ContactId>(2)), A(2));
  EXPECT_EQ(pool.serve_longest_idle(G0, make_id<ContactId>(3)), A(0));
  EXPECT_EQ(pool.counts(G0).idle, 0u);
  EXPECT_EQ(pool.counts(G0).busy, 3u);
  EXPECT_EQ(pool.counts(G1).idle, 1u);  // the other group's list is untouched
}

TEST(AgentPool, AShiftEndingDuringAContactLetsTheAgentFinishThenLogOff) {
  const std::vector<AgentGroupId> groups = {G0, G0};
  AgentPool pool(1, groups);
  pool.log_on(A(0), 0.0);
  pool.log_on(A(1), 0.0);
  pool.serve_longest_idle(G0, make_id<ContactId>(0));
  // The idle agent leaves at once; the busy one stays logged on, no longer on duty.
  EXPECT_TRUE(pool.end_shift(A(1)));
  EXPECT_FALSE(pool.end_shift(A(0)));
  EXPECT_TRUE(pool.leaving(A(0)));
  EXPECT_EQ(pool.counts(G0).on_duty, 0u);
  EXPECT_EQ(pool.counts(G0).logged_on, 1u);
  EXPECT_EQ(pool.counts(G0).busy, 1u);
  pool.start_wrap_up(A(0));
  EXPECT_EQ(pool.state(A(0)), AgentState::WrapUp);
  EXPECT_FALSE(pool.free(A(0), 50.0));  // logs off instead of becoming idle
  EXPECT_EQ(pool.state(A(0)), AgentState::Off);
  EXPECT_FALSE(pool.leaving(A(0)));
  EXPECT_EQ(pool.counts(G0).logged_on, 0u);
  EXPECT_EQ(pool.counts(G0).busy, 0u);
  EXPECT_EQ(pool.counts(G0).idle, 0u);
}

TEST(AgentPool, AnAgentLeavesTheMiddleOfItsIdleListForABreakAndReturnsAtTheBack) {
  const std::vector<AgentGroupId> groups = {G0, G0, G0};
  AgentPool pool(1, groups);
  for (std::uint32_t i = 0; i < 3; ++i) pool.log_on(A(i), i);
  pool.start_break(A(1), false);
  EXPECT_EQ(pool.counts(G0).idle, 2u);
  EXPECT_EQ(pool.counts(G0).on_unpaid_break, 1u);
  EXPECT_EQ(pool.counts(G0).on_break, 1u);
  EXPECT_EQ(pool.state(A(1)), AgentState::OnBreak);
  EXPECT_TRUE(pool.end_shift(A(2)));  // the list's tail leaves
  pool.end_break(A(1), 30.0);
  EXPECT_EQ(pool.counts(G0).on_break, 0u);
  EXPECT_EQ(pool.counts(G0).on_unpaid_break, 0u);
  EXPECT_EQ(pool.serve_longest_idle(G0, make_id<ContactId>(0)), A(0));
  EXPECT_EQ(pool.longest_idle(G0), A(1));
  EXPECT_DOUBLE_EQ(pool.longest_idle_since_s(G0), 30.0);
  EXPECT_EQ(pool.serve_longest_idle(G0, make_id<ContactId>(1)), A(1));
  EXPECT_EQ(pool.counts(G0).idle, 0u);
  // A busy agent goes straight to its break; on a break at the end of its shift, it
  // logs off at once.
  pool.start_break(A(1), true);
  EXPECT_EQ(pool.counts(G0).busy, 1u);  // agent 0 only
  EXPECT_EQ(pool.counts(G0).on_break, 1u);
  EXPECT_EQ(pool.counts(G0).on_unpaid_break, 0u);
  EXPECT_TRUE(pool.end_shift(A(1)));
  EXPECT_EQ(pool.counts(G0).on_break, 0u);
  EXPECT_EQ(pool.counts(G0).logged_on, 1u);
}

TEST(AgentPool, AnIdleAgentTakenByPositionLeavesTheMiddleOfItsIdleList) {
  const std::vector<AgentGroupId> groups = {G0, G1, G0, G0};
  AgentPool pool(2, groups, /*index_idle=*/true);
  for (std::uint32_t i = 0; i < 4; ++i) pool.log_on(A(i), i);
  ASSERT_TRUE(pool.indexes_idle());
  // Positions follow arrival in the idle set until someone leaves it.
  EXPECT_EQ(pool.idle_agent(G0, 0), A(0));
  EXPECT_EQ(pool.idle_agent(G0, 1), A(2));
  EXPECT_EQ(pool.idle_agent(G0, 2), A(3));
  EXPECT_EQ(pool.idle_agent(G1, 0), A(1));
  pool.serve(A(2), make_id<ContactId>(7));
  EXPECT_EQ(pool.state(A(2)), AgentState::Busy);
  EXPECT_EQ(pool.contact(A(2)), make_id<ContactId>(7));
  EXPECT_EQ(pool.counts(G0).idle, 2u);
  EXPECT_EQ(pool.counts(G0).busy, 1u);
  EXPECT_EQ(pool.idle_agent(G0, 0), A(0));
  EXPECT_EQ(pool.idle_agent(G0, 1), A(3));  // the last position fills the hole
  // The idle list keeps its order: 0 then 3, and 2 joins the back when free.
  EXPECT_EQ(pool.longest_idle(G0), A(0));
  EXPECT_TRUE(pool.free(A(2), 10.0));
  EXPECT_EQ(pool.serve_longest_idle(G0, make_id<ContactId>(8)), A(0));
  EXPECT_EQ(pool.longest_idle(G0), A(3));
  EXPECT_EQ(pool.idle_agent(G0, 0), A(2));
  EXPECT_EQ(pool.idle_agent(G0, 1), A(3));
}

// Every transition in and out of Idle, in a long random sequence: the positions always
// list exactly the group's idle agents, and the idle lists and counts stay as without them.
TEST(AgentPool, IdlePositionsListExactlyTheIdleAgentsThroughEveryTransition) {
  std::vector<AgentGroupId> groups;
  for (std::uint32_t a = 0; a < 12; ++a) groups.push_back(a % 3 == 0 ? G1 : G0);
  AgentPool pool(2, groups, /*index_idle=*/true);
  AgentPool plain(2, groups);
  std::uint64_t x = 88172645463325252ull;  // xorshift64: a fixed sequence of operations
  const auto next = [&x](std::uint32_t n) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return static_cast<std::uint32_t>(x % n);
  };
  for (int step = 0; step < 20000; ++step) {
    const double t = step;
    const AgentId a = A(next(12));
    const AgentGroupId g = groups[index(a)];
    switch (pool.state(a)) {
      case AgentState::Off:
        pool.log_on(a, t);
        plain.log_on(a, t);
        break;
      case AgentState::Idle:
        switch (next(4)) {
          case 0: {  // a random idle agent of the group, by position
            const AgentId b = pool.idle_agent(g, next(pool.counts(g).idle));
            pool.serve(b, make_id<ContactId>(step));
            plain.serve(b, make_id<ContactId>(step));
            break;
          }
          case 1:
            EXPECT_EQ(pool.serve_longest_idle(g, make_id<ContactId>(step)),
                      plain.serve_longest_idle(g, make_id<ContactId>(step)));
            break;
          case 2:
            pool.start_break(a, true);
            plain.start_break(a, true);
            break;
          default:
            EXPECT_EQ(pool.end_shift(a), plain.end_shift(a));
        }
        break;
      case AgentState::Busy:
      case AgentState::WrapUp:
        EXPECT_EQ(pool.free(a, t), plain.free(a, t));
        break;
      case AgentState::OnBreak:
        pool.end_break(a, t);
        plain.end_break(a, t);
        break;
    }
    for (const AgentGroupId h : {G0, G1}) {
      ASSERT_EQ(pool.counts(h).idle, plain.counts(h).idle);
      std::vector<int> seen(12, 0);
      for (std::uint32_t i = 0; i < pool.counts(h).idle; ++i) {
        const AgentId b = pool.idle_agent(h, i);
        ASSERT_EQ(pool.state(b), AgentState::Idle) << "step " << step;
        ASSERT_EQ(pool.group(b), h);
        ASSERT_EQ(seen[index(b)]++, 0) << "step " << step;
      }
      if (pool.counts(h).idle > 0) {
        ASSERT_EQ(pool.longest_idle(h), plain.longest_idle(h));
      }
    }
  }
}

// Chat: a group whose agents hold up to 3 sessions. A chat goes to the longest-idle agent,
// else to the agent with the fewest sessions (the one that has held them longest among
// equals); a full agent takes none; ending a session moves the agent down a list.
TEST(AgentPool, AChatGoesToTheAgentWithTheFewestSessions) {
  const std::vector<AgentGroupId> groups = {G0, G0, G1};
  AgentPool pool(2, groups);
  const std::vector<std::uint32_t> sessions = {3, 1};
  pool.allow_sessions(sessions);
  pool.log_on(A(0), 0.0);
  pool.log_on(A(1), 1.0);
  pool.log_on(A(2), 0.0);
  const auto take = [&](std::uint32_t contact) {
    const AgentPool::SessionPick p = pool.pick_session(G0);
    pool.serve_session(G0, p, make_id<ContactId>(contact));
    return p;
  };
  AgentPool::SessionPick p = take(0);
  EXPECT_EQ(p.agent, A(0));
  EXPECT_EQ(p.sessions, 1u);
  p = take(1);  // agent 1 is idle: an idle agent goes first
  EXPECT_EQ(p.agent, A(1));
  EXPECT_EQ(p.sessions, 1u);
  EXPECT_EQ(pool.counts(G0).idle, 0u);
  EXPECT_EQ(pool.counts(G0).busy, 2u);
  EXPECT_EQ(pool.counts(G0).chat_open, 2u);
  p = take(2);  // both hold 1: agent 0 has held its one longest
  EXPECT_EQ(p.agent, A(0));
  EXPECT_EQ(p.sessions, 2u);
  p = take(3);
  EXPECT_EQ(p.agent, A(1));
  EXPECT_EQ(p.sessions, 2u);
  p = take(4);
  EXPECT_EQ(p.agent, A(0));
  EXPECT_EQ(p.sessions, 3u);
  EXPECT_EQ(pool.counts(G0).chat_open, 1u);  // agent 0 is full
  EXPECT_EQ(pool.sessions(A(0)), 3u);
  // Agent 0 ends one: with 2 it stands behind agent 1, which has held 2 longer.
  EXPECT_TRUE(pool.end_session(A(0)));
  EXPECT_EQ(pool.counts(G0).chat_open, 2u);
  EXPECT_EQ(take(5).agent, A(1));
  EXPECT_EQ(pool.pick_session(G0).agent, A(0));
  // Agent 1 (3 sessions) ends all three: the last returns false, the agent still busy,
  // for free() to make idle.
  EXPECT_TRUE(pool.end_session(A(1)));
  EXPECT_TRUE(pool.end_session(A(1)));
  EXPECT_EQ(pool.pick_session(G0).agent, A(1));  // 1 session now, fewer than agent 0's 2
  EXPECT_FALSE(pool.end_session(A(1)));
  EXPECT_EQ(pool.sessions(A(1)), 0u);
  EXPECT_EQ(pool.state(A(1)), AgentState::Busy);
  EXPECT_EQ(pool.counts(G0).chat_open, 1u);
  EXPECT_TRUE(pool.free(A(1), 9.0));
  EXPECT_EQ(pool.pick_session(G0).agent, A(1));
  // The one-session group never lists an agent.
  EXPECT_EQ(pool.max_sessions(G1), 1u);
  pool.serve_session(G1, pool.pick_session(G1), make_id<ContactId>(6));
  EXPECT_EQ(pool.counts(G1).chat_open, 0u);
  EXPECT_FALSE(pool.end_session(A(2)));
}

// An agent whose shift ends, or for whom a break waits, takes no more chats but keeps
// those it holds; once the break is no longer waiting it takes them again.
TEST(AgentPool, AnAgentLeavingOrWaitingForABreakTakesNoMoreChats) {
  const std::vector<AgentGroupId> groups = {G0, G0};
  AgentPool pool(1, groups);
  const std::vector<std::uint32_t> sessions = {4};
  pool.allow_sessions(sessions);
  pool.log_on(A(0), 0.0);
  pool.log_on(A(1), 0.0);
  for (std::uint32_t c = 0; c < 4; ++c) pool.serve_session(G0, pool.pick_session(G0), make_id<ContactId>(c));
  EXPECT_EQ(pool.sessions(A(0)), 2u);
  EXPECT_EQ(pool.sessions(A(1)), 2u);
  EXPECT_EQ(pool.counts(G0).chat_open, 2u);
  pool.set_waiting(A(0), true);
  pool.set_waiting(A(0), true);  // a second break coming due changes nothing
  EXPECT_EQ(pool.counts(G0).chat_open, 1u);
  EXPECT_EQ(pool.pick_session(G0).agent, A(1));
  EXPECT_TRUE(pool.end_session(A(0)));
  EXPECT_EQ(pool.counts(G0).chat_open, 1u);
  pool.set_waiting(A(0), false);
  EXPECT_EQ(pool.counts(G0).chat_open, 2u);
  EXPECT_EQ(pool.pick_session(G0).agent, A(0));  // 1 session, fewer than agent 1's 2
  EXPECT_FALSE(pool.end_shift(A(0)));
  EXPECT_EQ(pool.counts(G0).chat_open, 1u);
  EXPECT_EQ(pool.pick_session(G0).agent, A(1));
  EXPECT_FALSE(pool.end_session(A(0)));
  EXPECT_FALSE(pool.free(A(0), 5.0));  // logs off
  EXPECT_EQ(pool.counts(G0).logged_on, 1u);
  EXPECT_EQ(pool.counts(G0).chat_open, 1u);
}

}  // namespace
}  // namespace ccsim::models
