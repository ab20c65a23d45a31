"""Writes the PyTorch parity fixtures used by tests/MLPerfDotnet.Unet3d.Tests/Parity.

Run from the repository root:  /usr/bin/python3 tests/parity/make_fixtures.py
Deterministic (fixed seeds, 1 thread); rerunning rewrites byte-identical files on the same torch build.
"""
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_unet3d as ref  # noqa: E402
import safetensors_io  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "MLPerfDotnet.Unet3d.Tests",
                   "Fixtures", "parity")
SMALL_FILTERS = [4, 8, 16, 32, 40]
GRAD_KEYS = ["input_block.conv1.0.weight", "input_block.conv1.1.weight", "downsample.1.conv1.0.weight",
             "bottleneck.conv2.1.bias", "upsample.0.upsample_conv.0.weight",
             "upsample.0.upsample_conv.0.bias", "upsample.4.conv2.0.weight", "output.conv.0.weight",
             "output.conv.0.bias"]
SGD = {"lr": 0.05, "momentum": 0.9, "nesterov": True, "steps": 2}


def meta():
    return {"generator": "tests/parity/make_fixtures.py", "torch": torch.__version__}


def spheres(shape, blobs):
    """Integer label volume: each (center, radius, class) ball painted in order."""
    grid = np.indices(shape)
    label = np.zeros(shape, dtype=np.uint8)
    for center, radius, cls in blobs:
        dist2 = sum((g - c) ** 2 for g, c in zip(grid, center))
        label[dist2 <= radius * radius] = cls
    return torch.from_numpy(label)


def full_model_keys():
    torch.manual_seed(0)
    model = ref.Unet3D(1, 3)
    count = sum(p.numel() for p in model.parameters())
    assert count == 31_190_243, count
    lines = [f"{k} {','.join(str(d) for d in v.shape)}" for k, v in model.state_dict().items()]
    with open(os.path.join(OUT, "full_model_state_dict.txt"), "w") as f:
        f.write(f"# parameters {count}\n")
        f.write("\n".join(lines) + "\n")


def small_model_forward():
    torch.manual_seed(1234)
    model = ref.Unet3D(1, 3, filters=SMALL_FILTERS)
    safetensors_io.save(os.path.join(OUT, "small_model.safetensors"), model.state_dict(),
                        {**meta(), "filters": SMALL_FILTERS})
    shape = (32, 64, 64)
    image = torch.randn(1, 1, *shape)
    label = spheres(shape, [((16, 28, 30), 12, 1), ((18, 33, 36), 5, 2)])[None, None]
    logits = model(image)
    loss = ref.dice_ce_loss(logits, label)
    score = ref.dice_score(logits.detach(), label)
    loss.backward()
    params = dict(model.named_parameters())
    tensors = {"image": image, "label": label, "logits": logits, "loss": loss, "dice": score}
    # clone: optimizer.zero_grad() below zeroes the .grad tensors in place (torch 1.13 default)
    tensors.update({"grad." + k: params[k].grad.clone() for k in GRAD_KEYS})

    # Nesterov SGD steps on the same batch (fwd + DiceCE + bwd + step), as the reference trains.
    optimizer = torch.optim.SGD(model.parameters(), lr=SGD["lr"], momentum=SGD["momentum"],
                                nesterov=SGD["nesterov"], weight_decay=0.0)
    losses = []
    for _ in range(SGD["steps"]):
        optimizer.zero_grad()
        step_loss = ref.dice_ce_loss(model(image), label)
        step_loss.backward()
        optimizer.step()
        losses.append(step_loss.detach())
    tensors["sgd.losses"] = torch.stack(losses)
    tensors.update({"sgd.param." + k: params[k].detach().clone() for k in GRAD_KEYS})
    safetensors_io.save(os.path.join(OUT, "small_forward.safetensors"), tensors,
                        {**meta(), "sgd": SGD, "grad_keys": GRAD_KEYS})


def loss_and_score():
    """Batch of 2; sample 1 has no tumor in label or prediction (its tumor Dice is exactly 1)."""
    torch.manual_seed(99)
    shape = (8, 10, 12)
    logits = torch.randn(2, 3, *shape) * 2.0
    labels = torch.stack([spheres(shape, [((4, 5, 6), 4, 1), ((4, 5, 6), 2, 2)]),
                          spheres(shape, [((3, 4, 5), 3, 1)])])[:, None]
    logits[1, 2] -= 50.0
    logits.requires_grad_(True)
    loss = ref.dice_ce_loss(logits, labels)
    loss.backward()
    score = ref.dice_score(logits.detach(), labels)
    per_sample = ref.dice_per_class(ref.one_hot_ncdhw(torch.argmax(logits.detach(), 1)),
                                    ref.one_hot_ncdhw(labels))
    assert per_sample[1, 1].item() == 1.0
    safetensors_io.save(os.path.join(OUT, "loss_score.safetensors"),
                        {"logits": logits, "label": labels, "loss": loss, "grad_logits": logits.grad,
                         "dice": score, "dice_per_sample": per_sample}, meta())


class FakeWindowModel(torch.nn.Module):
    """Deterministic, window-dependent stand-in for the U-Net: conv3d(1->3, k3, pad 1) plus the
    per-sample spatial mean of that output (so every window's position matters)."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv3d(1, 3, kernel_size=3, padding=1, bias=True)

    def forward(self, x):
        y = self.conv(x)
        return y + y.mean(dim=(2, 3, 4), keepdim=True)


def sliding_window():
    torch.manual_seed(7)
    fake = FakeWindowModel()
    roi, overlap = [32, 32, 32], 0.5
    # D=40: remainder 8 kept, padded 4/4; H=52: remainder 4 cropped 2/2; W=12: padded 10/10 up to roi.
    shape = (40, 52, 12)
    image = torch.randn(1, 1, *shape)
    label = torch.randint(0, 3, (1, 1, *shape), dtype=torch.uint8)
    with torch.no_grad():
        logits, cropped = ref.sliding_window_inference(image, label, roi, fake, overlap, -2.2)
    assert tuple(logits.shape) == (1, 3, 40, 48, 12), logits.shape
    gauss32 = ref.gaussian_importance(32, 4.0).float()
    gauss128 = ref.gaussian_importance(128, 16.0)
    safetensors_io.save(os.path.join(OUT, "sliding_window.safetensors"),
                        {"conv.weight": fake.conv.weight, "conv.bias": fake.conv.bias, "image": image,
                         "label": label, "logits": logits.contiguous(), "label_cropped": cropped.contiguous(),
                         "gaussian32": gauss32, "gaussian128_line": gauss128[:, 63, 63].float().contiguous(),
                         "gaussian128_diag": torch.stack([gauss128[i, i, i] for i in range(128)]).float()},
                        {**meta(), "roi": roi, "overlap": overlap, "padding_val": -2.2})


def main():
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    full_model_keys()
    small_model_forward()
    loss_and_score()
    sliding_window()
    for name in sorted(os.listdir(OUT)):
        print(f"{os.path.getsize(os.path.join(OUT, name)):>10}  {name}")


if __name__ == "__main__":
    main()
