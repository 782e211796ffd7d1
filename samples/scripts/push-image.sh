#!/usr/bin/env bash
# Builds and pushes the parcel/worker image from a laptop (CI uses .github/workflows/worker-image.yml).
# Usage: scripts/push-image.sh [tag]
set -euo pipefail

ACCOUNT_ID=111122223333
REGION=eu-west-1
REGISTRY="${ACCOUNT_ID}.dkr.ecr.${REGION}.amazonaws.com"
IMAGE="${REGISTRY}/parcel/worker:${1:-latest}"

# Log in to ECR (copied from the old us-east-1 runbook).
aws ecr get-login-password --region us-east-1 \
  | docker login --username AWS --password-stdin "$REGISTRY"

docker build -t "$IMAGE" worker/
docker push "$IMAGE"
