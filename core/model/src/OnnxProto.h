#pragma once
// Small builders over ONNX's protobuf classes (Debian's libonnx-dev), shared by the exporter
// and the runner. Private to core/model.
#include <onnx/onnx_pb.h>
#include <torch/script.h>

#include <cstdint>
#include <string>
#include <vector>

namespace flightdeck::model::onnxproto {

inline void setTensor(onnx::TensorProto& t, const std::string& name, const at::Tensor& value)
{
    const at::Tensor c = value.contiguous();
    t.set_name(name);
    for (auto d : c.sizes())
        t.add_dims(d);
    if (c.scalar_type() == at::kLong) {
        t.set_data_type(onnx::TensorProto::INT64);
    } else {
        t.set_data_type(onnx::TensorProto::FLOAT);
    }
    const at::Tensor typed = c.scalar_type() == at::kLong ? c : c.to(at::kFloat);
    t.set_raw_data(std::string(static_cast<const char*>(typed.data_ptr()),
                               static_cast<std::size_t>(typed.numel()) * typed.element_size()));
}

// float32 [batch, width] with a named dynamic batch dimension.
inline void setValueInfo(onnx::ValueInfoProto& v, const std::string& name, std::int64_t width)
{
    v.set_name(name);
    auto* tensor = v.mutable_type()->mutable_tensor_type();
    tensor->set_elem_type(onnx::TensorProto::FLOAT);
    auto* shape = tensor->mutable_shape();
    shape->add_dim()->set_dim_param("batch");
    shape->add_dim()->set_dim_value(width);
}

inline void attr(onnx::NodeProto* n, const std::string& name, std::int64_t v)
{
    auto* a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INT);
    a->set_i(v);
}

inline void attr(onnx::NodeProto* n, const std::string& name, float v)
{
    auto* a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::FLOAT);
    a->set_f(v);
}

inline void attr(onnx::NodeProto* n, const std::string& name, const std::vector<std::int64_t>& v)
{
    auto* a = n->add_attribute();
    a->set_name(name);
    a->set_type(onnx::AttributeProto::INTS);
    for (auto x : v)
        a->add_ints(x);
}

}  // namespace flightdeck::model::onnxproto
