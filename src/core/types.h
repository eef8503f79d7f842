// The Eigen types used across spillover, in one place.
#pragma once

#include <Eigen/Core>

namespace spillover {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;
using RowVector = Eigen::RowVectorXd;
using MatrixRef = Eigen::Ref<const Eigen::MatrixXd>;
using VectorRef = Eigen::Ref<const Eigen::VectorXd>;
using Index = Eigen::Index;

}  // namespace spillover
