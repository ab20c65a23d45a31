"""Re-typed structure of the MLCommons reference 3D U-Net, its loss, its Dice score and its
sliding-window inference (mlcommons/training, retired_benchmarks/unet3d/pytorch: model/unet3d.py,
model/layers.py, model/losses.py, runtime/inference.py), written from the facts in
/work/shared/reference/unet3d-reference.md sections 1, 2 and 5.

Module and attribute names follow the reference, so state_dict keys are the reference's keys
(a conv unit is a Sequential of conv, norm-or-Identity, activation-or-Identity). The filter list is a
parameter so that small models with the same structure can be built for cheap fixtures.
Run with Debian's /usr/bin/python3 (torch 1.13, numpy, scipy).
"""
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
from scipy.signal import windows

REFERENCE_FILTERS = [32, 64, 128, 256, 320]


def conv_unit(cin, cout, kernel=3, stride=1, padding=1, transpose=False, norm=True, relu=True):
    """Conv (bias only without norm) -> InstanceNorm3d(affine) or Identity -> ReLU or Identity."""
    conv_type = nn.ConvTranspose3d if transpose else nn.Conv3d
    conv = conv_type(cin, cout, kernel_size=kernel, stride=stride, padding=padding, bias=not norm)
    normalization = nn.InstanceNorm3d(cout, affine=True) if norm else nn.Identity()
    activation = nn.ReLU() if relu else nn.Identity()
    return nn.Sequential(conv, normalization, activation)


class InputBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = conv_unit(cin, cout)
        self.conv2 = conv_unit(cout, cout)

    def forward(self, x):
        return self.conv2(self.conv1(x))


class DownsampleBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = conv_unit(cin, cout, stride=2)
        self.conv2 = conv_unit(cout, cout)

    def forward(self, x):
        return self.conv2(self.conv1(x))


class UpsampleBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.upsample_conv = conv_unit(cin, cout, kernel=2, stride=2, padding=0, transpose=True,
                                       norm=False, relu=False)
        self.conv1 = conv_unit(2 * cout, cout)
        self.conv2 = conv_unit(cout, cout)

    def forward(self, x, skip):
        x = torch.cat((self.upsample_conv(x), skip), dim=1)
        return self.conv2(self.conv1(x))


class OutputLayer(nn.Module):
    def __init__(self, cin, n_class):
        super().__init__()
        self.conv = conv_unit(cin, n_class, kernel=1, padding=0, norm=False, relu=False)

    def forward(self, x):
        return self.conv(x)


class Unet3D(nn.Module):
    def __init__(self, in_channels=1, n_class=3, filters=None):
        super().__init__()
        filters = list(filters or REFERENCE_FILTERS)
        ins, outs = filters[:-1], filters[1:]
        self.input_block = InputBlock(in_channels, filters[0])
        self.downsample = nn.ModuleList([DownsampleBlock(i, o) for i, o in zip(ins, outs)])
        self.bottleneck = DownsampleBlock(filters[-1], filters[-1])
        ups = [UpsampleBlock(filters[-1], filters[-1])]
        ups += [UpsampleBlock(i, o) for i, o in zip(reversed(outs), reversed(ins))]
        self.upsample = nn.ModuleList(ups)
        self.output = OutputLayer(filters[0], n_class)

    def forward(self, x):
        x = self.input_block(x)
        skips = [x]
        for block in self.downsample:
            x = block(x)
            skips.append(x)
        x = self.bottleneck(x)
        for block, skip in zip(self.upsample, reversed(skips)):
            x = block(x, skip)
        return self.output(x)


SMOOTH = 1e-6


def one_hot_ncdhw(label):
    """(N,1,D,H,W) or (N,D,H,W) integer labels -> (N,3,D,H,W) float one-hot."""
    if label.dim() >= 5:
        label = label.squeeze(1)
    return F.one_hot(label.long(), num_classes=3).permute(0, 4, 1, 2, 3).float()


def dice_per_class(prediction, target_onehot):
    """Per (sample, foreground class) Dice with 1e-6 smoothing; background dropped."""
    p, t = prediction[:, 1:], target_onehot[:, 1:]
    axes = list(range(2, p.dim()))
    inter = torch.sum(t * p, dim=axes)
    return (2.0 * inter + SMOOTH) / (torch.sum(t, dim=axes) + torch.sum(p, dim=axes) + SMOOTH)


def dice_ce_loss(logits, label):
    ce = F.cross_entropy(logits, label.squeeze(1).long())
    dice = torch.mean(1.0 - dice_per_class(torch.softmax(logits, dim=1), one_hot_ncdhw(label)))
    return (dice + ce) / 2


def dice_score(logits, label):
    pred = one_hot_ncdhw(torch.argmax(logits, dim=1))
    return torch.mean(dice_per_class(pred, one_hot_ncdhw(label)), dim=0)


def gaussian_importance(n, std):
    g1 = windows.gaussian(n, std)
    g3 = np.cbrt(np.outer(np.outer(g1, g1), g1).reshape(n, n, n))
    return torch.from_numpy(g3 / g3.max())


def precrop_bounds(shape, strides):
    rem = [s % st for s, st in zip(shape, strides)]
    return [r if r < st // 2 else 0 for r, st in zip(rem, strides)]


def crop(t, shape, bounds):
    return t[..., bounds[0] // 2: shape[0] - (bounds[0] - bounds[0] // 2),
             bounds[1] // 2: shape[1] - (bounds[1] - bounds[1] // 2),
             bounds[2] // 2: shape[2] - (bounds[2] - bounds[2] // 2)]


def sliding_window_inference(image, label, roi, model, overlap=0.5, padding_val=-2.2):
    """Reference semantics: pre-crop image and label, constant pad, stride roi*(1-overlap),
    Gaussian-weighted average of logits, crop back. Returns (logits, cropped label)."""
    shape = list(image.shape[2:])
    strides = [int(r * (1 - overlap)) for r in roi]
    bounds = precrop_bounds(shape, strides)
    image, label = crop(image, shape, bounds), crop(label, shape, bounds)
    pad = [(st - s % st) % st for s, st in zip(image.shape[2:], strides)]
    pad = [b if s + b >= r else b + st for s, b, r, st in zip(image.shape[2:], pad, roi, strides)]
    paddings = [pad[2] // 2, pad[2] - pad[2] // 2, pad[1] // 2, pad[1] - pad[1] // 2,
                pad[0] // 2, pad[0] - pad[0] // 2]
    image = F.pad(image, paddings, mode="constant", value=padding_val)
    padded = image.shape[2:]
    counts = [(padded[i] - roi[i]) // strides[i] + 1 for i in range(3)]
    result = torch.zeros((1, 3, *padded), dtype=image.dtype)
    norm_map = torch.zeros_like(result)
    patch = gaussian_importance(roi[0], 0.125 * roi[0]).type(result.dtype)
    for i in range(0, strides[0] * counts[0], strides[0]):
        for j in range(0, strides[1] * counts[1], strides[1]):
            for k in range(0, strides[2] * counts[2], strides[2]):
                window = (..., slice(i, i + roi[0]), slice(j, j + roi[1]), slice(k, k + roi[2]))
                result[window] += model(image[window]) * patch
                norm_map[window] += patch
    result /= norm_map
    # The reference crops back with the ORIGINAL (pre-crop) shape; identical whenever the cropped
    # size is at least the roi (always true for KiTS19, every dim >= 128).
    return result[..., paddings[4]: shape[0] + paddings[4], paddings[2]: shape[1] + paddings[2],
                  paddings[0]: shape[2] + paddings[0]], label
