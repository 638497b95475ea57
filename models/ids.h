// models/ids.h
// Strong ids for the model's entities and IdVector, a vector indexed only by its id type.
// Passing a QueueId where an AgentGroupId is expected does not compile.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace ccsim::models {

enum class ContactTypeId : std::uint32_t {};
enum class AgentGroupId : std::uint32_t {};
enum class QueueId : std::uint32_t {};
enum class ContactId : std::uint32_t {};
enum class AgentId : std::uint32_t {};

template <class Id>
constexpr std::uint32_t index(Id id) {
  return static_cast<std::uint32_t>(id);
}

template <class Id>
constexpr Id make_id(std::size_t i) {
  return static_cast<Id>(static_cast<std::uint32_t>(i));
}

// A table whose rows are entities of one kind: operator[] takes only that kind's id.
template <class Id, class T>
class IdVector {
 public:
  IdVector() = default;
  explicit IdVector(std::size_t n, const T& value = T{}) : v_(n, value) {}

  T& operator[](Id id) { return v_[index(id)]; }
  const T& operator[](Id id) const { return v_[index(id)]; }
  std::size_t size() const { return v_.size(); }
  bool empty() const { return v_.empty(); }
  void push_back(T value) { v_.push_back(std::move(value)); }
  void resize(std::size_t n) { v_.resize(n); }
  auto begin() { return v_.begin(); }
  auto end() { return v_.end(); }
  auto begin() const { return v_.begin(); }
  auto end() const { return v_.end(); }
  std::vector<T>& raw() { return v_; }
  const std::vector<T>& raw() const { return v_; }

 private:
  std::vector<T> v_;
};

}  // namespace ccsim::models
